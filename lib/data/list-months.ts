// Month counts of the reader lists (article_months, kept by triggers; see lib/pagination.ts
// monthSlice): deep pages and the sitemap index read these instead of counting the table.
import "server-only";
import { readDb } from "../read-db";
import { chinaMonthRange } from "../china-time";
import type { MonthCount } from "../pagination";

export type MonthRow = { month: string; count: number; lastmod: Date | null };

/** Months with published articles in a section (0 = the whole archive), newest first. */
export async function readMonthRows(sectionId: number): Promise<MonthRow[]> {
  return readDb.$queryRaw<MonthRow[]>`
    SELECT to_char(month, 'YYYY-MM') AS month, published AS count, lastmod
    FROM article_months WHERE section_id = ${sectionId} AND published > 0
    ORDER BY month DESC`;
}

/**
 * The months of a list when they add up to its exact total (article_counters); null when
 * they do not (a bulk load that skipped the triggers and article_months_rebuild()), and the
 * caller falls back to reading from the nearer end of the whole list.
 */
export async function readMonthCounts(sectionId: number, total: number): Promise<MonthCount[] | null> {
  const rows = await readMonthRows(sectionId);
  if (rows.reduce((n, r) => n + r.count, 0) !== total) return null;
  return rows.map((r) => ({ start: chinaMonthRange(r.month).start, count: r.count }));
}
