// What readers may see: an article with status PUBLISHED that is not in the bin. Every reader
// read (lists, pages, feeds, sitemaps, search, views, comments) filters with these, so the
// rule lives here once, in each shape a query needs. Both terms are plain equality/IS NULL
// tests on the leading columns of the list indexes ((status, published_at, id), (section_id,
// status, ...)) and of (deleted_at, status, published_at, updated_at), so the planner keeps
// using them (tests/int/published-filter.test.ts checks with EXPLAIN).
import { Prisma } from "../generated/prisma/client";

/** The filter as a Prisma where-object: spread it into a `where`. */
export const published = { status: "PUBLISHED", deletedAt: null } as const;

/** Articles in the bin, whatever their status: readers get 410 Gone for these (lib/data/gone.ts). */
export const binned = { deletedAt: { not: null } } as const;

/** The same filter in raw SQL, for the `articles` row under `alias` (none: unqualified columns). */
export function publishedSql(alias?: string): Prisma.Sql {
  const p = alias ? `${alias}.` : "";
  return Prisma.raw(`${p}status = 'PUBLISHED' AND ${p}deleted_at IS NULL`);
}

/** The same rule on a row already read. */
export function isPublished(a: { status: string; deletedAt: Date | string | null } | null | undefined): boolean {
  return !!a && a.status === "PUBLISHED" && !a.deletedAt;
}
