// The search-index rows of an article computed in TypeScript, exactly as the triggers
// article_search_sync() / article_desk_search_sync() compute them in SQL (migrations
// 20261128020000_search and 20261203000000_excerpt_words): the seed writes a million of them
// with COPY instead of paying ~1.6 ms of SQL per article. The seed rechecks a sample against
// the SQL functions after every load, and tests/int/seed-bulk.test.ts compares every row.
import { canonicalSyllable } from "../search/normalise";

// search_html_text(): PostgreSQL's `.` matches a newline, so `[\s\S]` here.
const COMMENTS = /<!--[\s\S]*?-->/g;
const SCRIPTS = /<(script|style)([ >])[\s\S]*?<\/\1>/gi;
const FIGCAPTIONS = /<figcaption[\s\S]*?<\/figcaption>/gi;
const INLINE_TAGS = /<\/?(a|abbr|b|cite|code|em|i|mark|q|s|small|span|strong|sub|sup|time|u)(\s[^>]*)?\/?>/gi;
const TAGS = /<[^>]+>/g;
// Applied in this order, as the nested replace() calls in SQL are.
const ENTITIES: [string, string][] = [
  ["&nbsp;", " "], ["&lt;", "<"], ["&gt;", ">"], ["&quot;", '"'], ["&#39;", "'"], ["&apos;", "'"], ["&amp;", "&"],
];

export function searchHtmlText(html: string): string {
  let t = html.replace(COMMENTS, "").replace(SCRIPTS, " ").replace(FIGCAPTIONS, " ").replace(INLINE_TAGS, "").replace(TAGS, " ");
  for (const [entity, ch] of ENTITIES) if (t.includes(entity)) t = t.replaceAll(entity, ch);
  return t;
}

/** search_fold(): btrim() trims spaces only, which is all the whitespace left after the collapse. */
export function searchFold(t: string): string {
  return t.normalize("NFC").toLowerCase().replace(/\s+/g, " ").replace(/^ +| +$/g, "");
}

const P16 = 0x10000;
const P32 = 2 ** 32;
const P48 = 2 ** 48;
const P50 = 2 ** 50;
const SPACE = 32;
const HANGUL = 0xac00;
/** canonicalSyllable() of every Hangul syllable, looked up instead of computed per character. */
const CANONICAL = Uint16Array.from({ length: 0xd7a4 - HANGUL }, (_, i) => canonicalSyllable(HANGUL + i));

/**
 * search_keys(): every character (bit 32), and every two (no flag) and three (bit 48) adjacent
 * characters not crossing a space, the first in its Seoul form, sorted and distinct as
 * array_agg(DISTINCT) leaves them. Same keys as lib/search/normalise.ts#textKeys, in typed
 * arrays because the seed computes half a billion of them.
 */
function textKeys(t: string, flag: number): Float64Array {
  // Code points, as string_to_array(t, NULL) splits (a surrogate pair is one character).
  const c: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const u = t.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < t.length) {
      const v = t.charCodeAt(i + 1);
      if (v >= 0xdc00 && v <= 0xdfff) {
        c.push((u - 0xd800) * 0x400 + (v - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    c.push(u);
  }
  const out = new Float64Array(c.length * 3);
  let n = 0;
  for (let i = 0; i < c.length; i++) {
    if (c[i] === SPACE) continue;
    const h = c[i] >= HANGUL && c[i] < 0xd7a4 ? CANONICAL[c[i] - HANGUL] : c[i] & 0xffff;
    out[n++] = P32 + h + flag;
    if (i + 1 < c.length && c[i + 1] !== SPACE) {
      const b = c[i + 1] & 0xffff;
      out[n++] = h * P16 + b + flag;
      if (i + 2 < c.length && c[i + 2] !== SPACE) out[n++] = P48 + h * P32 + b * P16 + (c[i + 2] & 0xffff) + flag;
    }
  }
  const sorted = out.subarray(0, n).sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[m++] = sorted[i];
  return sorted.subarray(0, m);
}

/** search_row_keys(): the keys of title and text, then the title's again with bit 50 set. */
export function searchRowKeys(title: string, body: string): Float64Array {
  const all = textKeys(`${title} ${body}`, 0);
  const titled = textKeys(title, P50);
  const keys = new Float64Array(all.length + titled.length);
  keys.set(all);
  keys.set(titled, all.length);
  return keys;
}

export type SearchRow = { title: string; body: string; keys: Float64Array };

export function searchRow(a: { title: string; subtitle: string | null; body: string; byline: string | null }): SearchRow {
  const title = searchFold(a.title);
  const parts = [a.subtitle, searchHtmlText(a.body), a.byline].filter((p): p is string => p !== null);
  const body = searchFold(parts.join(" "));
  return { title, body, keys: searchRowKeys(title, body) };
}
