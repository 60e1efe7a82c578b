// Reads behind the sitemaps and the news sitemap. The `read*` functions are the plain
// queries (tested against PostgreSQL); the `get*` ones are their cached, tagged forms.
import "server-only";
import { unstable_cache } from "next/cache";
import { readDb } from "../read-db";
import { tags, REVALIDATE_SECONDS } from "../cache-tags";
import { Prisma } from "../generated/prisma/client";
import { CHINA_SQL_INTERVAL, chinaMonthRange } from "../china-time";
import { SITEMAP_MAX_URLS } from "../seo/sitemap-xml";
import { published, publishedSql } from "./published";
import { readMonthRows } from "./list-months";

export type MonthBucket = { month: string; count: number; lastmod: Date };

/** Published articles per month of publication (China time), newest month first. */
export async function readMonthBuckets(): Promise<MonthBucket[]> {
  // From article_months (kept by triggers): a few hundred rows whatever the archive's size.
  const [rows, counter] = await Promise.all([readMonthRows(0), readDb.articleCounter.findUnique({ where: { sectionId: 0 } })]);
  // No rows at all may also mean a bulk load that skipped the triggers: count then.
  if (rows.length > 0 && rows.reduce((n, r) => n + r.count, 0) === (counter?.published ?? 0)) {
    return rows.map((r) => ({ month: r.month, count: r.count, lastmod: r.lastmod ?? chinaMonthRange(r.month).start }));
  }
  return countMonthBuckets();
}

/** The same counted from the articles: the fallback when article_months is not filled. */
async function countMonthBuckets(): Promise<MonthBucket[]> {
  // An index-only scan of articles_deleted_at_status_published_at_updated_at_idx, grouped on
  // the timestamp (hashing) and formatted afterwards: ~23 ms at 100k articles where reading
  // the table took ~400 ms.
  return readDb.$queryRaw<MonthBucket[]>`
    SELECT to_char(m, 'YYYY-MM') AS month, count, lastmod FROM (
      SELECT date_trunc('month', published_at + ${Prisma.raw(CHINA_SQL_INTERVAL)}) AS m,
             count(*)::int AS count, max(greatest(updated_at, published_at)) AS lastmod
      FROM articles
      WHERE ${publishedSql()} AND published_at IS NOT NULL
      GROUP BY 1
    ) x ORDER BY m DESC`;
}

export type SitemapArticle = { id: number; lastmod: Date; imageKey: string | null };

/** One month's articles, newest first; `offset`/`limit` cut months past 50,000 into parts. */
export async function readMonthArticles(start: Date, end: Date, offset: number, limit: number): Promise<SitemapArticle[]> {
  // One statement (a slice of the index and a join), not Prisma's relation loading: a month
  // can hold thousands of rows.
  return readDb.$queryRaw<SitemapArticle[]>`
    SELECT a.id, greatest(a.updated_at, a.published_at) AS lastmod, i.storage_key AS "imageKey"
    FROM articles a LEFT JOIN images i ON i.id = a.cover_image_id
    WHERE ${publishedSql("a")} AND a.published_at >= ${start} AND a.published_at < ${end}
    ORDER BY a.published_at DESC, a.id DESC
    OFFSET ${offset} LIMIT ${limit}`;
}

export type SectionLastmod = { slug: string; lastmod: Date | null };

/**
 * Visible sections with the time of their newest article (one index probe each: the
 * (section_id, status, published_at DESC) index orders NULLS FIRST, so `NULLS LAST` here
 * sorted every article of each section, 1.7 s cold at 100,000 articles; 0.5 ms as written).
 */
export async function readSectionsLastmod(): Promise<SectionLastmod[]> {
  return readDb.$queryRaw<SectionLastmod[]>`
    SELECT s.slug, l.published_at AS lastmod
    FROM sections s
    LEFT JOIN LATERAL (
      SELECT published_at FROM articles a
      WHERE a.section_id = s.id AND ${publishedSql("a")} AND a.published_at IS NOT NULL
      ORDER BY a.published_at DESC LIMIT 1
    ) l ON true
    WHERE NOT s.hidden
    ORDER BY s.position, s.id`;
}

export type NewsItem = { id: number; title: string; publishedAt: Date };

/** Google News takes articles of the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_MS = 2 * 86_400_000;
export const NEWS_MAX = 1000;

export async function readNewsItems(now = new Date()): Promise<NewsItem[]> {
  const rows = await readDb.article.findMany({
    where: { ...published, publishedAt: { gte: new Date(now.getTime() - NEWS_WINDOW_MS), lte: now } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: NEWS_MAX,
    select: { id: true, title: true, publishedAt: true },
  });
  return rows.map((r) => ({ id: r.id, title: r.title, publishedAt: r.publishedAt! }));
}

// Cached values pass through JSON, so dates come back as strings: callers use isoChina,
// which takes either.
type Cached<T> = { [K in keyof T]: T[K] extends Date ? string | Date : T[K] extends Date | null ? string | Date | null : T[K] };

export const getMonthBuckets = unstable_cache(readMonthBuckets, ["sitemap:months"], {
  tags: [tags.archive, tags.feeds],
  revalidate: REVALIDATE_SECONDS,
}) as () => Promise<Cached<MonthBucket>[]>;

/** Part `part` (from 1) of month `YYYY-MM`, China time. */
export const getMonthArticles = unstable_cache(
  async (month: string, part: number) => {
    const { start, end } = chinaMonthRange(month);
    return readMonthArticles(start, end, (part - 1) * SITEMAP_MAX_URLS, SITEMAP_MAX_URLS);
  },
  ["sitemap:month"],
  { tags: [tags.archive, tags.feeds], revalidate: REVALIDATE_SECONDS },
) as (month: string, part: number) => Promise<Cached<SitemapArticle>[]>;

export const getSectionsLastmod = unstable_cache(readSectionsLastmod, ["sitemap:sections"], {
  tags: [tags.archive, tags.sections, tags.feeds],
  revalidate: REVALIDATE_SECONDS,
}) as () => Promise<Cached<SectionLastmod>[]>;

export const getNewsItems = unstable_cache(() => readNewsItems(), ["sitemap:news"], {
  tags: [tags.archive, tags.feeds],
  revalidate: 300,
}) as () => Promise<Cached<NewsItem>[]>;
