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
import { published } from "./published";

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

/** The uncached read behind listArticles (exported for tests/int/lists-scale.test.ts). */
export async function readPage(sectionId: number | null, page: number): Promise<ArticlePage | null> {
  const total = await publishedTotal(sectionId ?? 0);
  const pages = pageCount(total);
  if (page > pages) return null;
  if (total === 0) return { total, page, pages, items: [] };
  const months = await readMonthCounts(sectionId ?? 0, total);
  const where = sectionId === null ? published : { sectionId, ...published };
  let rows;
  if (months) {
    // A month edge and an offset within half a month (lib/pagination.ts monthSlice).
    const m = monthSlice(page, months);
    const newest = m.direction === "newest";
    const dir = newest ? "desc" : "asc";
    rows = await readDb.article.findMany({
      where: { ...where, publishedAt: newest ? (m.before ? { lt: m.before } : undefined) : { gte: m.from } },
      orderBy: [{ publishedAt: dir }, { id: dir }],
      skip: m.offset,
      take: m.limit,
      select: listSelect,
    });
    if (!newest) rows.reverse();
  } else {
    const slice = pageSlice(page, total);
    const dir = slice.direction === "newest" ? "desc" : "asc";
    rows = await readDb.article.findMany({ where, orderBy: [{ publishedAt: dir }, { id: dir }], skip: slice.offset, take: slice.limit, select: listSelect });
    if (slice.direction === "oldest") rows.reverse();
  }
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
