// Page numbers from the query string and the pager's window of numbers.
export const PAGE_SIZE = 10;
export const MAX_PAGE = 1_000_000;

/**
 * `?page=` as a page number: absent → 1; anything but a plain positive integer
 * (abc, -1, 1e9, 2.5, 007 is fine) → null, which the page answers with 404.
 */
export function parsePage(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1;
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!/^\d{1,7}$/.test(v)) return null;
  const n = Number(v);
  return n >= 1 && n <= MAX_PAGE ? n : null;
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** A window of `width` page numbers around `current`, clamped to [1, last]. */
export function pageWindow(current: number, last: number, width = 6): number[] {
  const w = Math.min(width, last);
  let start = Math.max(1, current - Math.floor((w - 1) / 2));
  start = Math.min(start, last - w + 1);
  return Array.from({ length: w }, (_, i) => start + i);
}

/**
 * Where to read page `page` of `total` rows ordered newest first: from the near end of
 * the index. Pages past the middle read the oldest-first order with a small offset, so
 * the last page costs what page 2 costs instead of walking the whole table.
 */
export function pageSlice(page: number, total: number, size = PAGE_SIZE):
  | { direction: "newest"; offset: number; limit: number }
  | { direction: "oldest"; offset: number; limit: number } {
  const start = (page - 1) * size;
  const end = Math.min(start + size, total);
  if (start < total / 2) return { direction: "newest", offset: start, limit: end - start };
  return { direction: "oldest", offset: total - end, limit: end - start };
}

/** A month of a list, newest first: when it begins (UTC instant) and its rows. */
export type MonthCount = { start: Date; count: number };

export type MonthSlice =
  | { direction: "newest"; before: Date | null; offset: number; limit: number }
  | { direction: "oldest"; from: Date; offset: number; limit: number };

/**
 * Where to read page `page` when the list's month counts are known (article_months): from
 * the nearest month edge, newest first below it or oldest first above it, so the offset is
 * at most half a month whatever the page number and the size of the archive. `months` must
 * add up to the list's total.
 */
export function monthSlice(page: number, months: MonthCount[], size = PAGE_SIZE): MonthSlice {
  const total = months.reduce((n, m) => n + m.count, 0);
  const start = (page - 1) * size;
  const end = Math.min(start + size, total);
  const limit = end - start;
  // edges[j]: rows in the j newest months, i.e. rows published at or after months[j-1].start.
  let before: { at: Date | null; rows: number } = { at: null, rows: 0 };
  let after: { at: Date; rows: number } | null = null;
  let rows = 0;
  for (const m of months) {
    rows += m.count;
    if (rows <= start) before = { at: m.start, rows };
    if (rows >= end) {
      after = { at: m.start, rows };
      break;
    }
  }
  if (after && after.rows - end < start - before.rows) return { direction: "oldest", from: after.at, offset: after.rows - end, limit };
  return { direction: "newest", before: before.at, offset: start - before.rows, limit };
}
