// Dates as readers of the portal expect them: always China time (UTC+8, no DST since 1991),
// whatever the server's own zone.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

type DateLike = Date | string | number;
const toMs = (d: DateLike) => (d instanceof Date ? d.getTime() : new Date(d).getTime());

function parts(d: DateLike) {
  const t = new Date(toMs(d) + CHINA_OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), min: t.getUTCMinutes() };
}
const pad = (n: number) => String(n).padStart(2, "0");

/** `2024년10월28일 12시04분`: month and day unpadded, 24-hour clock padded. */
export function formatMetaDate(date: DateLike): string {
  const p = parts(date);
  return `${p.y}년${p.m}월${p.d}일 ${pad(p.h)}시${pad(p.min)}분`;
}

/** `2024-10-28` for list items. */
export function formatListDate(date: DateLike): string {
  const p = parts(date);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** `2024-10-28 12:04` for comments. */
export function formatDateTime(date: DateLike): string {
  const p = parts(date);
  return `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.h)}:${pad(p.min)}`;
}

/** ISO 8601 with the +08:00 offset, for structured data and <time dateTime>. */
export function isoChina(date: DateLike): string {
  const p = parts(date);
  const s = new Date(toMs(date) + CHINA_OFFSET_MS).getUTCSeconds();
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.min)}:${pad(s)}+08:00`;
}

/** Plain text cut to about `max` characters at a word boundary, ending in `...` when cut. */
export function makeExcerpt(text: string, max = 150): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.·…]+$/, "")}...`;
}

/** Strips tags and decodes the few entities our sanitiser emits; for excerpts and feeds. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<figcaption[\s\S]*?<\/figcaption>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
