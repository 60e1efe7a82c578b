// Article body HTML, cleaned on the server with an allowlist before it is stored: only the
// tags an article needs, links to http/https/mailto only (rel="noopener nofollow"), images
// only from our own /media/ store. Known images get a srcset of their WebP variants and lazy
// loading; those attributes are always rebuilt here, never taken from the input.
// The allowlist IS the body editor's document model (components/admin/rich-editor.tsx):
// paragraphs, h2/h3, quotes, lists, links, bold/italic, breaks, figures (photo, caption,
// <small> credit) and plain tables (colspan/rowspan only). After the allowlist, the model's
// structural rules (lib/editor/body-tree.ts) drop empty blocks and unnest what cannot nest,
// so the server stays the authority also for the no-JavaScript textarea.
import sanitizeHtml from "sanitize-html";
import { normaliseBody } from "./editor/body-tree";
import { isSafeKey } from "./storage";
import type { ImageRef } from "./types";
import { mediaPath } from "./urls";

const ALLOWED_TAGS = [
  ...["p", "h2", "h3", "blockquote", "ul", "ol", "li", "a", "strong", "em", "br", "figure", "img", "figcaption", "small"],
  ...["table", "thead", "tbody", "tr", "th", "td"],
];
const LINK_SCHEMES = new Set(["http:", "https:", "mailto:"]);
const BODY_SIZES = "(max-width: 760px) 100vw, 720px";

/** The absolute http(s)/mailto URL, normalised the way browsers parse it, or null. */
export function safeHref(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw.trim());
    return LINK_SCHEMES.has(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/** `/media/<key>` of our own storage, or null. */
export function mediaKey(src: string | undefined): string | null {
  const m = /^\/media\/(.+)$/.exec(src?.trim() ?? "");
  return m && isSafeKey(m[1]) ? m[1] : null;
}

/** Every /media/ key an HTML fragment refers to (to look the images up before sanitising). */
export function mediaKeysIn(html: string): string[] {
  const keys = new Set<string>();
  for (const m of html.matchAll(/\/media\/([A-Za-z0-9][A-Za-z0-9/_.-]*)/g)) if (isSafeKey(m[1])) keys.add(m[1]);
  return [...keys];
}

const dimension = (v: string | undefined) => (v && /^\d{1,5}$/.test(v) ? v : undefined);

export function sanitizeBody(dirty: string, images: Map<string, ImageRef> = new Map()): string {
  return normaliseBody(allowlisted(dirty, images)).trim();
}

function allowlisted(dirty: string, images: Map<string, ImageRef>): string {
  return sanitizeHtml(dirty, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ["href", "rel"],
      img: ["src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding"],
      th: ["colspan", "rowspan"],
      td: ["colspan", "rowspan"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: {},
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object", "svg", "math"],
    transformTags: {
      b: "strong",
      i: "em",
      div: "p",
      h1: "h2",
      h4: "h3",
      h5: "h3",
      h6: "h3",
      tfoot: "tbody",
      a: (_tag, attribs) => {
        const href = safeHref(attribs.href);
        const out: Record<string, string> = href ? { href, rel: "noopener nofollow" } : {};
        return { tagName: "a", attribs: out };
      },
      img: (_tag, attribs) => {
        const key = mediaKey(attribs.src);
        if (!key) return { tagName: "img", attribs: {} };
        const out: Record<string, string> = { src: mediaPath(key), alt: (attribs.alt ?? "").slice(0, 300) };
        const img = images.get(key);
        const webp = img?.variants.filter((v) => v.format === "webp").sort((a, b) => a.width - b.width) ?? [];
        const w = img ? String(img.width) : dimension(attribs.width);
        const h = img ? String(img.height) : dimension(attribs.height);
        if (w) out.width = w;
        if (h) out.height = h;
        if (webp.length) {
          out.srcset = webp.map((v) => `${mediaPath(v.key)} ${v.width}w`).join(", ");
          out.sizes = BODY_SIZES;
        }
        out.loading = "lazy";
        out.decoding = "async";
        return { tagName: "img", attribs: out };
      },
    },
    // A link whose address was refused keeps its text; an image without a source goes.
    exclusiveFilter: (frame) => {
      if (frame.tag === "a" && !frame.attribs.href) return "excludeTag";
      if (frame.tag === "img" && !frame.attribs.src) return true;
      return false;
    },
  }).trim();
}
