// Clipboard HTML from Word, 한글 (HWP), Google Docs and web pages turned into the body's
// document model (lib/editor/body-tree.ts): structure kept (headings, lists, quotes, links,
// bold/italic, tables), styling dropped. Pure: the editor feeds it the browser's parse of
// the clipboard (pastedHtmlToBody), tests feed it any parser's tree (cleanPastedTree).
import { type BodyNode, type El, isEl, normaliseTree, serialise, textOf } from "./body-tree";

export type PasteResult = { html: string; foreignImages: number };

// Never content: gone with everything inside them.
const DROP = new Set(["script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math", "head", "title", "meta", "link", "xml", "o:p", "button", "input", "select", "textarea", "form", "video", "audio", "canvas", "hr", "colgroup", "col", "caption", "v:shape", "v:imagedata"]);
// Inline wrappers whose text stays and whose styling goes.
const UNWRAP = new Set(["span", "font", "u", "s", "strike", "del", "ins", "sub", "sup", "code", "tt", "kbd", "samp", "var", "mark", "abbr", "cite", "q", "time", "label", "big", "small", "dfn", "bdi", "bdo", "data", "nobr"]);
const KEEP = new Set(["p", "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption", "br"]);
const HEADING: Record<string, string> = { h1: "h2", h2: "h2", h3: "h3", h4: "h3", h5: "h3", h6: "h3" };

const attr = (e: El, name: string) => e.attrs.find(([k]) => k === name)?.[1];
const style = (e: El) => (attr(e, "style") ?? "").toLowerCase().replace(/\s+/g, "");
const el = (tag: string, kids: BodyNode[], attrs: [string, string][] = []): El => ({ tag, attrs, kids });

const isBoldStyle = (s: string) => /font-weight:("?bold"?|[6-9]00)/.test(s);
const isItalicStyle = (s: string) => /font-style:"?italic/.test(s);
const isMarker = (e: El) => /mso-list:ignore/.test(style(e));

/** Only http/https/mailto links survive, as the sanitiser will insist anyway. */
function linkHref(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw.trim());
    return u.protocol === "http:" || u.protocol === "https:" || u.protocol === "mailto:" ? u.href : null;
  } catch {
    return null;
  }
}

/** Our own photo store only: `/media/…`, or the same path on this site's origin. */
function ownMedia(src: string | undefined, origin: string): string | null {
  const s = (src ?? "").trim();
  if (/^\/media\/[A-Za-z0-9]/.test(s)) return s;
  if (origin && s.startsWith(`${origin}/media/`)) return s.slice(origin.length);
  return null;
}

type Ctx = { origin: string; foreignImages: number };

/** A Word list paragraph: `mso-list:l0 level2 lfo1` in its style (class MsoListParagraph…). */
function wordListLevel(n: BodyNode): number {
  if (!isEl(n) || n.tag !== "p") return 0;
  const m = /mso-list:l\d+level(\d+)/.exec(style(n));
  return m ? Number(m[1]) : 0;
}

function findMarker(nodes: BodyNode[]): El | undefined {
  for (const n of nodes) {
    if (!isEl(n)) continue;
    if (isMarker(n)) return n;
    const inner = findMarker(n.kids);
    if (inner) return inner;
  }
}

/** Word writes a list's "1." or "·"/"§" as text in a hidden span; numbers mean an ordered list. */
function wordListTag(p: El): "ul" | "ol" {
  const marker = textOf(findMarker(p.kids)?.kids ?? []).replace(/[\s\u00a0]+/g, "");
  return /^\(?([0-9]{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,5}|[가-힣])[.)]$/.test(marker) ? "ol" : "ul";
}

/** Consecutive Word list paragraphs become one real list, nested by their level. */
function wordList(paras: El[], ctx: Ctx): El {
  const root = el(wordListTag(paras[0]), []);
  const stack: El[] = [root];
  for (const p of paras) {
    const level = Math.min(wordListLevel(p), 9);
    const tag = wordListTag(p);
    while (stack.length > level) stack.pop();
    while (stack.length < level) {
      const parent = stack[stack.length - 1];
      let last = parent.kids[parent.kids.length - 1] as El | undefined;
      if (!last) parent.kids.push((last = el("li", [])));
      const nested = el(tag, []);
      last.kids.push(nested);
      stack.push(nested);
    }
    stack[stack.length - 1].kids.push(el("li", clean(p.kids, ctx)));
  }
  return root;
}

function clean(nodes: BodyNode[], ctx: Ctx): BodyNode[] {
  const out: BodyNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (wordListLevel(n)) {
      const paras: El[] = [];
      for (; i < nodes.length; i++) {
        const m = nodes[i];
        if (wordListLevel(m)) paras.push(m as El);
        else if (isEl(m) || m.trim()) break;
      }
      i--;
      out.push(wordList(paras, ctx));
      continue;
    }
    out.push(...cleanOne(n, ctx));
  }
  return out;
}

function cleanOne(n: BodyNode, ctx: Ctx): BodyNode[] {
  // Pasted text is laid out by its markup; non-breaking spaces are formatting, not content.
  if (!isEl(n)) return [n.replace(/\u00a0/g, " ")];
  const tag = n.tag;
  if (DROP.has(tag) || isMarker(n)) return [];
  const s = style(n);
  if (tag === "img") {
    const src = ownMedia(attr(n, "src"), ctx.origin);
    if (!src) {
      ctx.foreignImages++;
      return [];
    }
    const attrs: [string, string][] = [["src", src], ["alt", attr(n, "alt") ?? ""]];
    for (const k of ["width", "height"]) {
      const v = attr(n, k);
      if (v && /^\d{1,5}$/.test(v)) attrs.push([k, v]);
    }
    return [el("img", [], attrs)];
  }
  const kids = clean(n.kids, ctx);
  if (tag === "b" || tag === "strong") {
    // Google Docs wraps the whole clipboard in <b style="font-weight:normal" id="docs-internal-guid-…">.
    return /font-weight:(normal|[1-4]00)/.test(s) ? kids : [el("strong", kids)];
  }
  if (tag === "i" || tag === "em") return /font-style:normal/.test(s) ? kids : [el("em", kids)];
  if (tag === "a") {
    const href = linkHref(attr(n, "href"));
    return href ? [el("a", kids, [["href", href]])] : kids;
  }
  if (HEADING[tag]) return [el(HEADING[tag], kids)];
  if (KEEP.has(tag)) {
    const attrs = tag === "td" || tag === "th" ? n.attrs.filter(([k]) => k === "colspan" || k === "rowspan") : [];
    return [el(tag, kids, attrs)];
  }
  if (UNWRAP.has(tag)) {
    // Word, 한글 and Google Docs mark bold and italic with styles on spans.
    let wrapped = kids;
    if (isItalicStyle(s)) wrapped = [el("em", wrapped)];
    if (isBoldStyle(s)) wrapped = [el("strong", wrapped)];
    return wrapped;
  }
  // div, section, article, center, pre, …: a block; the model makes paragraphs of its text.
  return [el("div", kids)];
}

/** The model's HTML for a parsed clipboard, and how many foreign photos were left out. */
export function cleanPastedTree(nodes: BodyNode[], origin = ""): PasteResult {
  const ctx: Ctx = { origin, foreignImages: 0 };
  const html = serialise(normaliseTree(clean(nodes, ctx)));
  return { html, foreignImages: ctx.foreignImages };
}

/** Browser: the clipboard's HTML through the browser's own parser (Word's conditional comments are comments there). */
export function pastedHtmlToBody(html: string, origin: string): PasteResult {
  const doc = new DOMParser().parseFromString(html, "text/html");
  return cleanPastedTree(fromDom(doc.body.childNodes), origin);
}

function fromDom(list: NodeListOf<ChildNode>): BodyNode[] {
  const out: BodyNode[] = [];
  list.forEach((n) => {
    if (n.nodeType === 3) out.push((n as Text).data);
    else if (n.nodeType === 1) {
      const e = n as Element;
      out.push({ tag: e.nodeName.toLowerCase(), attrs: Array.from(e.attributes, (a) => [a.name.toLowerCase(), a.value] as [string, string]), kids: fromDom(e.childNodes) });
    }
  });
  return out;
}

const escText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A plain-text clipboard: a paragraph per blank-line-separated block, line breaks kept inside. */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\u00a0]*\n/)
    .map((block) => block.split("\n").map((l) => l.trim()).filter(Boolean))
    .filter((lines) => lines.length)
    .map((lines) => `<p>${lines.map(escText).join("<br>")}</p>`)
    .join("");
}
