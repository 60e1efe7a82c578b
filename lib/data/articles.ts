// Reader-side article reads: all cached and tagged (see lib/cache-tags.ts).
import "server-only";
import { cache } from "react";
import { unstable_cache } from "next/cache";
import { readDb } from "../read-db";
import { tags, REVALIDATE_SECONDS } from "../cache-tags";
import { monthSlice, pageCount, pageSlice, PAGE_SIZE } from "../pagination";
import { readMonthCounts } from "./list-months";
import type { Article, ArticlePage } from "../types";
import { articleSelect, listSelect, toArticle, toListItem } from "./mappers";
import { published, publishedSql } from "./published";
import { Prisma } from "../generated/prisma/client";

async function readArticle(id: number): Promise<Article | null> {
  const r = await readDb.article.findFirst({ where: { id, ...published }, select: articleSelect });
  return r && toArticle(r);
}

/** One published article; shared by generateMetadata and the page through React.cache. */
export const getArticle = cache((id: number) =>
  unstable_cache(() => readArticle(id), ["article", String(id)], {
    tags: [tags.article(id)],
    revalidate: REVALIDATE_SECONDS,
  })(),
);

/** Exact published total, kept by a trigger (section 0 = whole archive): no COUNT(*). */
async function publishedTotal(sectionId: number): Promise<number> {
  const row = await readDb.articleCounter.findUnique({ where: { sectionId } });
  return row?.published ?? 0;
}

/**
 * The ids of a list page, in list order: `offset` rows past the edge `edge` (newest first
 * below it, or oldest first from it; null: the list's own end), from the reader list indexes
 * alone (migration 20261204030000_list_pages), so that the rows skipped cost no table reads.
 */
async function pageIds(sectionId: number | null, direction: "newest" | "oldest", offset: number, limit: number, edge: Date | null): Promise<number[]> {
  const section = sectionId === null ? Prisma.empty : Prisma.sql`AND section_id = ${sectionId}`;
  const bound = edge === null ? Prisma.empty : direction === "newest" ? Prisma.sql`AND published_at < ${edge.toISOString()}::timestamp` : Prisma.sql`AND published_at >= ${edge.toISOString()}::timestamp`;
  const order = direction === "newest" ? Prisma.raw("published_at DESC, id DESC") : Prisma.raw("published_at ASC, id ASC");
  const rows = await readDb.$queryRaw<{ id: number }[]>`
    SELECT id FROM articles WHERE ${publishedSql()} ${section} ${bound}
    ORDER BY ${order} OFFSET ${offset} LIMIT ${limit}`;
  const ids = rows.map((r) => r.id);
  return direction === "newest" ? ids : ids.reverse();
}

/** The uncached read behind listArticles (exported for tests/int/lists-scale.test.ts). */
export async function readPage(sectionId: number | null, page: number): Promise<ArticlePage | null> {
  const total = await publishedTotal(sectionId ?? 0);
  const pages = pageCount(total);
  if (page > pages) return null;
  if (total === 0) return { total, page, pages, items: [] };
  const months = await readMonthCounts(sectionId ?? 0, total);
  let ids: number[];
  if (months) {
    // A month edge and an offset within half a month (lib/pagination.ts monthSlice).
    const m = monthSlice(page, months);
    ids = m.direction === "newest" ? await pageIds(sectionId, "newest", m.offset, m.limit, m.before) : await pageIds(sectionId, "oldest", m.offset, m.limit, m.from);
  } else {
    const slice = pageSlice(page, total);
    ids = await pageIds(sectionId, slice.direction, slice.offset, slice.limit, null);
  }
  const found = await readDb.article.findMany({ where: { id: { in: ids }, ...published }, select: listSelect });
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  return { total, page, pages, items: rows.map(toListItem) };
}

/** Page `page` of a section's list (or of the whole archive when sectionId is null); null past the end. */
export function listArticles(sectionId: number | null, page: number) {
  const tag = sectionId === null ? tags.archive : tags.section(sectionId);
  return unstable_cache(() => readPage(sectionId, page), ["list", String(sectionId ?? "all"), String(page), String(PAGE_SIZE)], {
    tags: [tag],
    revalidate: REVALIDATE_SECONDS,
  })();
}
