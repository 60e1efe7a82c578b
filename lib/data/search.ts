// Archive search for /search. Not cached: every query is its own, and the statement is
// cheap (lib/search/sql.ts); a cache would only collect one entry per string bots try.
import "server-only";
import { onReader, readDb } from "../read-db";
import { isDatabaseBusy } from "../db-errors";
import { noteDatabaseBusy } from "../http/db-outage";
import { htmlToText } from "../format";
import { pageCount, PAGE_SIZE } from "../pagination";
import type { ParsedQuery } from "../search/query";
import { matchRanges, snippet } from "../search/query";
import { findArticles, type Runner } from "../search/sql";
import type { ArticleListItem } from "../types";
import { listSelect, toListItem } from "./mappers";
import { published } from "./published";

export type SearchItem = ArticleListItem & {
  /** The excerpt when a word occurs in it, else the text around the first match. */
  snippet: string;
};

export type SearchPage = {
  total: number;
  /** More than `total` matches exist (see RESULT_CAP). */
  capped: boolean;
  page: number;
  pages: number;
  items: SearchItem[];
};

const runner: Runner = async (statements) => {
  try {
    // One statement needs no transaction (a transaction holds its pooled connection from
    // BEGIN to COMMIT, and waits for one at most Prisma's maxWait); the search itself does,
    // for its SET LOCAL settings. One client either way: the replica (or primary) onReader picked.
    if (statements.length === 1) return await onReader((c) => c.$queryRawUnsafe<Record<string, unknown>[]>(statements[0].sql, ...statements[0].params));
    const results = await onReader((c) => c.$transaction(statements.map((s) => c.$queryRawUnsafe<Record<string, unknown>[]>(s.sql, ...s.params))));
    return results[results.length - 1];
  } catch (e) {
    // Every connection busy for longer than we wait: the page answers 503 with Retry-After
    // and a Korean "try again" page (lib/http/server-hooks.ts), not a 500.
    if (isDatabaseBusy(e)) noteDatabaseBusy();
    throw e;
  }
};

/** Page `page` of the matches of `q` (in one section or all); null past the last page. */
export async function searchArticles(q: ParsedQuery, page: number, sectionId: number | null): Promise<SearchPage | null> {
  const hits = await findArticles(runner, q, { page, pageSize: PAGE_SIZE, sectionId });
  if (hits.ids.length === 0 && page > 1) return null;
  const rows = hits.ids.length
    ? await readDb.article.findMany({
        where: { id: { in: hits.ids }, ...published },
        select: { ...listSelect, body: true },
      })
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items: SearchItem[] = [];
  for (const id of hits.ids) {
    const r = byId.get(id);
    if (!r) continue; // unpublished since the search ran
    const inExcerpt = matchRanges(r.excerpt, q.words).length > 0;
    items.push({ ...toListItem(r), snippet: inExcerpt ? r.excerpt : (snippet(htmlToText(r.body), q.words) ?? r.excerpt) });
  }
  return { total: hits.total, capped: hits.capped, page, pages: pageCount(hits.total), items };
}
