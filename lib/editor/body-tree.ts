// The article body's document model as a tiny tree, shared by the server's sanitiser
// (lib/sanitize.ts, after its allowlist) and the browser editor (before its HTML is sent),
// so both produce the same canonical HTML: no empty paragraphs, quotes, list items or
// captions; no lists or photos inside paragraphs; photos only inside figures; tables as
// thead (leading all-th rows) + tbody. The rules mirror how ProseMirror parses HTML (inline
// runs wrapped in paragraphs, whitespace collapsed), so that a stored body loaded into the
// editor and serialised again is unchanged.
// The parser here only reads well-formed HTML (sanitize-html's output, the editor's own
// serialisation); pasted HTML from other programs goes through the browser's parser first.

export type El = { tag: string; attrs: [string, string][]; kids: BodyNode[] };
export type BodyNode = El | string;

const VOID = new Set(["br", "img", "col", "hr", "wbr", "input", "meta", "link", "source"]);
const INLINE = new Set(["a", "strong", "em", "br", "small", "b", "i", "span"]);
const TEXT_BLOCKS = new Set(["p", "h2", "h3"]);
const WS = /[ \t\r\n\f]+/g;

export const isEl = (n: BodyNode): n is El => typeof n !== "string";
const el = (tag: string, kids: BodyNode[] = [], attrs: [string, string][] = []): El => ({ tag, attrs, kids });
const attr = (e: El, name: string) => e.attrs.find(([k]) => k === name)?.[1];

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", "#39": "'" };
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITY[name.toLowerCase()] ?? m;
  });
}

/** Parses well-formed HTML into the tree (comments dropped, unknown end tags ignored). */
export function parseHtml(html: string): BodyNode[] {
  const root = el("#root");
  const stack: El[] = [root];
  const re = /<!--[\s\S]*?-->|<\/([a-zA-Z][\w:-]*)\s*>|<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>|[^<]+|</g;
  for (const m of html.matchAll(re)) {
    const top = stack[stack.length - 1];
    if (m[0].startsWith("<!--")) continue;
    if (m[1]) {
      const tag = m[1].toLowerCase();
      const at = stack.map((s) => s.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
    } else if (m[2]) {
      const tag = m[2].toLowerCase();
      const attrs: [string, string][] = [];
      for (const a of (m[3] ?? "").matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
        attrs.push([a[1].toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? "")]);
      }
      const e = el(tag, [], attrs);
      top.kids.push(e);
      if (!VOID.has(tag)) stack.push(e);
    } else {
      top.kids.push(decodeEntities(m[0]));
    }
  }
  return root.kids;
}

const escText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\u00a0/g, "&nbsp;");
const escAttr = (s: string) => escText(s).replace(/"/g, "&quot;");

/** HTML of the tree, in sanitize-html's style (void elements as `<br />`). */
export function serialise(nodes: BodyNode[]): string {
  return nodes
    .map((n) => {
      if (!isEl(n)) return escText(n);
      const a = n.attrs.map(([k, v]) => ` ${k}="${escAttr(v)}"`).join("");
      return VOID.has(n.tag) ? `<${n.tag}${a} />` : `<${n.tag}${a}>${serialise(n.kids)}</${n.tag}>`;
    })
    .join("");
}

export const textOf = (nodes: BodyNode[]): string => nodes.map((n) => (isEl(n) ? textOf(n.kids) : n)).join("");
const isInline = (n: BodyNode) => !isEl(n) || INLINE.has(n.tag);

/** Inline content kept: text, links, bold, italic, hard breaks (anything else unwrapped). */
function inline(nodes: BodyNode[]): BodyNode[] {
  const out: BodyNode[] = [];
  for (const n of nodes) {
    if (!isEl(n)) out.push(n);
    else if (n.tag === "br") out.push(el("br"));
    else if (n.tag === "a" || n.tag === "strong" || n.tag === "em") {
      const kids = inline(n.kids);
      if (kids.length) out.push({ ...n, kids });
    } else out.push(...inline(n.kids));
  }
  return out;
}

/** Collapses whitespace the way ProseMirror's parser does: runs to one space, none at the start, after a break or at the end. */
function collapse(nodes: BodyNode[]): BodyNode[] {
  let prevSpace = true;
  const walk = (list: BodyNode[]): BodyNode[] =>
    list
      .map((n) => {
        if (isEl(n)) {
          if (n.tag === "br") prevSpace = true;
          return n.tag === "br" ? n : { ...n, kids: walk(n.kids) };
        }
        let s = n.replace(WS, " ");
        if (prevSpace && s.startsWith(" ")) s = s.slice(1);
        if (s) prevSpace = s.endsWith(" ");
        return s;
      })
      .filter((n) => !isEl(n) ? n !== "" : n.tag === "br" || n.kids.length > 0);
  const out = walk(nodes);
  // The last text leaf loses its trailing space.
  const trimEnd = (list: BodyNode[]): BodyNode[] => {
    const last = list[list.length - 1];
    if (last === undefined) return list;
    if (!isEl(last)) {
      const t = last.replace(/ +$/, "");
      return t ? [...list.slice(0, -1), t] : trimEnd(list.slice(0, -1));
    }
    if (last.tag === "br") return list;
    const kids = trimEnd(last.kids);
    return kids.length ? [...list.slice(0, -1), { ...last, kids }] : trimEnd(list.slice(0, -1));
  };
  return trimEnd(out);
}

// A paragraph of non-breaking spaces is an empty line to a reader: it goes too.
const hasContent = (nodes: BodyNode[]) => textOf(nodes).replace(/\s+/g, "") !== "";

function figure(img: El, caption?: El): El | null {
  const src = attr(img, "src");
  if (!src) return null;
  const kids: BodyNode[] = [img];
  if (caption) {
    const small = caption.kids.filter(isEl).find((k) => k.tag === "small");
    const capText = textOf(caption.kids.filter((k) => k !== small)).replace(WS, " ").trim();
    const credit = small ? textOf(small.kids).replace(WS, " ").trim() : "";
    if (capText || credit) kids.push(el("figcaption", [...(capText ? [capText] : []), ...(credit ? [el("small", [credit])] : [])]));
  }
  return el("figure", kids);
}

function findImg(nodes: BodyNode[]): El | undefined {
  for (const n of nodes) {
    if (!isEl(n)) continue;
    if (n.tag === "img") return n;
    const inner = findImg(n.kids);
    if (inner) return inner;
  }
}

/** A text block's content, split where photos or blocks sit inside it. */
function textBlock(tag: string, kids: BodyNode[]): BodyNode[] {
  const out: BodyNode[] = [];
  let run: BodyNode[] = [];
  const flush = () => {
    const content = collapse(inline(run));
    if (hasContent(content)) out.push(el(tag, content));
    run = [];
  };
  for (const k of kids) {
    if (isEl(k) && k.tag === "img") {
      flush();
      const f = figure(k);
      if (f) out.push(f);
    } else if (isInline(k) && !(isEl(k) && findImg(k.kids))) run.push(k);
    else if (isEl(k) && INLINE.has(k.tag)) {
      // An inline element holding a photo: its text stays, the photo moves out after it.
      run.push({ ...k, kids: k.kids.filter((c) => !(isEl(c) && c.tag === "img")) });
      flush();
      const img = findImg(k.kids);
      const f = img && figure(img);
      if (f) out.push(f);
    } else {
      flush();
      out.push(...blocks([k]));
    }
  }
  flush();
  return out;
}

function cell(c: El): El {
  const attrs = c.attrs.filter(([k, v]) => (k === "colspan" || k === "rowspan") && /^\d{1,3}$/.test(v) && Number(v) > 1);
  let kids = blocks(c.kids);
  if (kids.length === 1 && isEl(kids[0]) && kids[0].tag === "p") kids = kids[0].kids;
  return el(c.tag === "th" ? "th" : "td", kids, attrs);
}

function table(t: El): El | null {
  const rows: El[] = [];
  const collect = (nodes: BodyNode[]) => {
    for (const n of nodes) {
      if (!isEl(n)) continue;
      if (n.tag === "tr") {
        const cells = n.kids.filter(isEl).filter((c) => c.tag === "td" || c.tag === "th").map(cell);
        if (cells.length) rows.push(el("tr", cells));
      } else if (n.tag === "thead" || n.tag === "tbody" || n.tag === "tfoot") collect(n.kids);
    }
  };
  collect(t.kids);
  if (!rows.length) return null;
  let head = 0;
  while (head < rows.length && rows[head].kids.every((c) => isEl(c) && c.tag === "th")) head++;
  if (head === rows.length) head = 0;
  const kids: El[] = [];
  if (head) kids.push(el("thead", rows.slice(0, head)));
  kids.push(el("tbody", rows.slice(head)));
  return el("table", kids);
}

function list(l: El): El | null {
  const items: El[] = [];
  let loose: BodyNode[] = [];
  const flushLoose = () => {
    if (hasContent(loose) || findImg(loose)) items.push(...listItem(el("li", loose)));
    loose = [];
  };
  for (const k of l.kids) {
    if (isEl(k) && k.tag === "li") {
      flushLoose();
      items.push(...listItem(k));
    } else if (isEl(k) && (k.tag === "ul" || k.tag === "ol") && items.length) {
      // A list directly inside a list belongs to the item before it.
      flushLoose();
      const nested = list(k);
      if (nested) items[items.length - 1].kids.push(nested);
    } else loose.push(k);
  }
  flushLoose();
  return items.length ? el(l.tag, items) : null;
}

function listItem(li: El): El[] {
  const kids = blocks(li.kids);
  if (!kids.length) return [];
  const [first, ...rest] = kids;
  // ProseMirror's list item starts with a paragraph; a lone first paragraph is written bare.
  if (isEl(first) && first.tag === "p" && rest.every((k) => isEl(k) && (k.tag === "ul" || k.tag === "ol"))) return [el("li", [...first.kids, ...rest])];
  return [el("li", kids)];
}

/** Block-level content: paragraphs, headings, quotes, lists, figures and tables. */
function blocks(nodes: BodyNode[]): BodyNode[] {
  const out: BodyNode[] = [];
  let run: BodyNode[] = [];
  const flush = () => {
    if (run.length) out.push(...textBlock("p", run));
    run = [];
  };
  for (const n of nodes) {
    if (isInline(n) || (isEl(n) && n.tag === "img")) {
      run.push(n);
      continue;
    }
    flush();
    const e = n as El;
    if (TEXT_BLOCKS.has(e.tag)) out.push(...textBlock(e.tag, e.kids));
    else if (e.tag === "blockquote") {
      const kids = blocks(e.kids);
      if (kids.length) out.push(el("blockquote", kids));
    } else if (e.tag === "ul" || e.tag === "ol") {
      const l = list(e);
      if (l) out.push(l);
    } else if (e.tag === "li") {
      out.push(...listItem(e).map((li) => el("ul", [li])));
    } else if (e.tag === "figure") {
      const img = findImg(e.kids);
      const cap = e.kids.filter(isEl).find((k) => k.tag === "figcaption");
      const f = img && figure(img, cap);
      if (f) out.push(f);
    } else if (e.tag === "table") {
      const t = table(e);
      if (t) out.push(t);
    } else out.push(...blocks(e.kids));
  }
  flush();
  return out;
}

/** The canonical body: the document model's rules applied to allowlisted HTML. */
export function normaliseBody(html: string): string {
  return serialise(blocks(parseHtml(html)));
}

/** The same rules on a tree whose tags and attributes are already the model's (pasted content). */
export const normaliseTree = (nodes: BodyNode[]): BodyNode[] => blocks(nodes);
