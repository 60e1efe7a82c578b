// The search-index rows of an article computed in TypeScript, exactly as the triggers
// article_search_sync() / article_desk_search_sync() compute them in SQL (migrations
// 20261128020000_search and 20261203000000_excerpt_words): the seed writes a million of them
// with COPY instead of paying ~1.6 ms of SQL per article. The seed rechecks a sample against
// the SQL functions after every load, and tests/int/seed-bulk.test.ts compares every row.
import { textKeys, titleKey } from "../search/normalise";

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

/** search_row_keys(): the keys of title and text, then the title's again with bit 50 set. */
export function searchRowKeys(title: string, body: string): number[] {
  return [...textKeys(`${title} ${body}`), ...textKeys(title).map(titleKey)];
}

export type SearchRow = { title: string; body: string; keys: number[] };

export function searchRow(a: { title: string; subtitle: string | null; body: string; byline: string | null }): SearchRow {
  const title = searchFold(a.title);
  const parts = [a.subtitle, searchHtmlText(a.body), a.byline].filter((p): p is string => p !== null);
  const body = searchFold(parts.join(" "));
  return { title, body, keys: searchRowKeys(title, body) };
}
