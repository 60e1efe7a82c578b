// Query strings of admin lists: anything malformed falls back to "no filter" or the first page.
import { z } from "zod";
import { STATUS_FILTERS, type StatusFilter } from "../article-status";
import { cutQuery } from "../search/query";

/** The admin article list's sort columns (lib/data/admin-articles.ts). */
export const ARTICLE_SORTS = ["updated", "published", "views", "comments"] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];
export type SortDir = "asc" | "desc";

/**
 * A keyset position: the sort value of the last (or first) row shown and its id. Dates are
 * milliseconds since the epoch; `null` is an article never published (published sort only).
 */
export type Cursor = { v: number | null; id: number };

export type AdminListQuery = {
  q?: string;
  sectionId?: number;
  status?: StatusFilter;
  authorId?: number;
  sort: ArticleSort;
  dir: SortDir;
  /** Rows after this position (next page) or before it (previous page); neither: the first page. */
  after?: Cursor;
  before?: Cursor;
};

/** Search input in the admin lists: as many characters as the public search takes. */
export const ADMIN_QUERY_MAX = 100;

const pos = z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined);

const cursorText = z
  .string()
  .max(40)
  .regex(/^(?:n|-?\d{1,16})_\d{1,10}$/)
  .transform((s): Cursor => {
    const [v, id] = s.split("_");
    return { v: v === "n" ? null : Number(v), id: Number(id) };
  })
  .refine((c) => c.id <= 2_147_483_647 && (c.v === null || Number.isSafeInteger(c.v)))
  .optional()
  .catch(undefined);

export function formatCursor(c: Cursor): string {
  return `${c.v === null ? "n" : c.v}_${c.id}`;
}

export function parseArticleQuery(sp: Record<string, string | string[] | undefined>): AdminListQuery {
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]);
  const status = one("status");
  const sort = one("sort");
  const after = cursorText.parse(one("after") || undefined);
  return {
    q: cutQuery(one("q") ?? "", ADMIN_QUERY_MAX).text || undefined,
    sectionId: pos.parse(one("section") || undefined),
    authorId: pos.parse(one("author") || undefined),
    status: STATUS_FILTERS.includes(status as never) ? (status as StatusFilter) : undefined,
    sort: ARTICLE_SORTS.includes(sort as never) ? (sort as ArticleSort) : "updated",
    dir: one("dir") === "asc" ? "asc" : "desc",
    after,
    before: after ? undefined : cursorText.parse(one("before") || undefined),
  };
}

/** The list's URL with `f`'s filters and sort, and `extra` (a cursor) on top. */
export function articleListHref(f: AdminListQuery, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (f.q) p.set("q", f.q);
  if (f.sectionId) p.set("section", String(f.sectionId));
  if (f.status) p.set("status", f.status);
  if (f.authorId) p.set("author", String(f.authorId));
  if (f.sort !== "updated") p.set("sort", f.sort);
  if (f.dir !== "desc") p.set("dir", f.dir);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return `/admin/articles${s ? `?${s}` : ""}`;
}
