// A GnuBoard post body as an article body: plain-text posts become paragraphs, HTML posts keep
// their markup; images of the old site's data/ folder point at the imported copies, links to
// old posts at the new articles (or at our own legacy redirect while the target is not known
// yet), and the whole goes through the editors' sanitiser (lib/sanitize.ts) like any body.
import sanitizeHtml from "sanitize-html";
import { sanitizeBody } from "../../sanitize";
import { mediaPath } from "../../urls";
import type { ImageRef } from "../../types";

export type BodyContext = {
  /** Where the old site lived ("https://old.example.com"): relative links resolve against it. */
  oldOrigin: string;
  /** Other addresses of the old site (www., http:) whose links are also the old site's own. */
  oldHosts: Set<string>;
  /** The imported copy of a file under the old site's data/ folder ("data/editor/2301/a.jpg"). */
  image: (dataPath: string) => ImageRef | undefined;
  /** The new URL of an old post, given its board and wr_id; null when it is not a board that is imported. */
  post: (board: string, wrId: number) => string | null;
  /** Attached images (g5_board_file), shown above the text as GnuBoard's view page does. */
  attachments?: ImageRef[];
};

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** wr_option holds "html1" (HTML) or "html2" (HTML with line breaks kept); otherwise the body is text. */
export function htmlMode(option: string): 0 | 1 | 2 {
  const set = option.split(",");
  return set.includes("html1") ? 1 : set.includes("html2") ? 2 : 0;
}

/** A text post as paragraphs: blank lines split them, single line breaks stay breaks. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeText(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/** The old site's URL `raw` (absolute or relative) resolved, or null when it is another site's or not a URL. */
function oldUrl(raw: string | undefined, ctx: BodyContext): URL | null {
  if (!raw) return null;
  try {
    const u = new URL(raw.trim().replace(/&amp;/g, "&"), `${ctx.oldOrigin}/bbs/`);
    return ctx.oldHosts.has(u.host.toLowerCase()) ? u : null;
  } catch {
    return null;
  }
}

/** "data/editor/2301/a.jpg" for an image of the old site's data folder; null for anything else. */
export function dataPathOf(src: string | undefined, ctx: BodyContext): string | null {
  const u = oldUrl(src, ctx);
  if (!u) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  const at = path.indexOf("/data/");
  if (at < 0) return null;
  const rel = path.slice(at + 1);
  return rel.split("/").some((p) => p === ".." || p === "") ? null : rel;
}

/** Every data/ file the body's <img> tags show (to import them before the body is converted). */
export function imagePathsIn(html: string, ctx: BodyContext): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const p = dataPathOf(m[1] ?? m[2] ?? m[3], ctx);
    if (p) out.add(p);
  }
  return [...out];
}

const WR_ID = /^[1-9]\d{0,9}$/;

/** The new URL an old link should point to, or null to keep it as it is. */
function rewriteLink(href: string | undefined, ctx: BodyContext): string | null {
  const u = oldUrl(href, ctx);
  if (!u) return null;
  const q = u.searchParams;
  // A board that is not imported keeps the old address (absolute, so the sanitiser keeps it).
  if (/\/bbs\/board\.php$/.test(u.pathname) && q.get("bo_table") && WR_ID.test(q.get("wr_id") ?? "")) {
    return ctx.post(q.get("bo_table")!, Number(q.get("wr_id"))) ?? u.href;
  }
  const short = /^\/([0-9A-Za-z_]+)\/([1-9]\d{0,9})\/?$/.exec(u.pathname);
  if (short) return ctx.post(short[1], Number(short[2])) ?? u.href;
  const image = dataPathOf(u.href, ctx);
  const ref = image ? ctx.image(image) : undefined;
  if (ref) return mediaPath(ref.key);
  return u.href;
}

/** The body HTML of a post, sanitised, with images and links rewritten; `siteUrl` makes our own paths absolute. */
export function convertBody(content: string, option: string, ctx: BodyContext, siteUrl: string): string {
  const mode = htmlMode(option);
  const html = mode === 0 ? textToHtml(content) : mode === 2 ? content.replace(/\r?\n/g, "<br>\n") : content;
  const used = new Map<string, ImageRef>();
  const remember = (ref: ImageRef) => used.set(ref.key, ref);
  // The first pass is only for images and links; most posts have neither.
  const rewritten = !/<(img|a)\b/i.test(html) ? html : sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true, // only a first pass: sanitizeBody below is the allowlist
    transformTags: {
      img: (tag, attribs): sanitizeHtml.Tag => {
        const path = dataPathOf(attribs.src, ctx);
        const ref = path ? ctx.image(path) : undefined;
        if (!ref) return { tagName: tag, attribs: { alt: attribs.alt ?? "" } }; // the sanitiser drops it
        remember(ref);
        return { tagName: tag, attribs: { src: mediaPath(ref.key), alt: attribs.alt ?? attribs.title ?? "" } };
      },
      a: (tag, attribs) => {
        const to = rewriteLink(attribs.href, ctx);
        const abs = to && to.startsWith("/") ? `${siteUrl}${to}` : to;
        return { tagName: tag, attribs: abs ? { href: abs } : attribs };
      },
    },
  });
  const figures = (ctx.attachments ?? []).map((ref) => {
    remember(ref);
    return `<figure><img src="${mediaPath(ref.key)}" alt=""></figure>`;
  });
  return sanitizeBody(figures.join("") + rewritten, used);
}
