// Latest articles for the RSS feeds (site-wide and per section), cached and tagged.
import "server-only";
import { unstable_cache } from "next/cache";
import { readDb } from "../read-db";
import { tags, REVALIDATE_SECONDS } from "../cache-tags";
import { published } from "./published";

export const FEED_SIZE = 50;

export type FeedItem = {
  id: number;
  title: string;
  excerpt: string;
  publishedAt: Date | string;
  sectionName: string;
  authorName: string | null;
  byline: string | null;
  image: { key: string; bytes: number; mime: string } | null;
};

/** Newest published articles, of one section when `sectionId` is given. */
export async function readFeedItems(sectionId: number | null, limit = FEED_SIZE, tagId: number | null = null): Promise<FeedItem[]> {
  const rows = await readDb.article.findMany({
    where: { ...published, ...(sectionId === null ? {} : { sectionId }), ...(tagId === null ? {} : { tags: { some: { tagId } } }) },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      title: true,
      excerpt: true,
      publishedAt: true,
      byline: true,
      section: { select: { name: true } },
      author: { select: { name: true } },
      coverImage: { select: { storageKey: true, bytes: true, mime: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    excerpt: r.excerpt,
    publishedAt: r.publishedAt ?? new Date(0),
    sectionName: r.section.name,
    authorName: r.author?.name ?? null,
    byline: r.byline,
    image: r.coverImage && { key: r.coverImage.storageKey, bytes: r.coverImage.bytes, mime: r.coverImage.mime },
  }));
}

export function getFeedItems(sectionId: number | null) {
  const tagList = sectionId === null ? [tags.feeds, tags.archive] : [tags.feeds, tags.section(sectionId)];
  return unstable_cache(() => readFeedItems(sectionId), ["feed", String(sectionId ?? "all"), String(FEED_SIZE)], {
    tags: tagList,
    revalidate: REVALIDATE_SECONDS,
  })();
}

/** Newest published articles with one tag (/tags/{slug}/feed.xml). */
export function getTagFeedItems(tagId: number) {
  return unstable_cache(() => readFeedItems(null, FEED_SIZE, tagId), ["feed-tag", String(tagId), String(FEED_SIZE)], {
    tags: [tags.feeds, tags.archive],
    revalidate: REVALIDATE_SECONDS,
  })();
}
