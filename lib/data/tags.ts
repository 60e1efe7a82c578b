// Tags for readers: an article's tags, the tag pages and feeds. Cached under the archive's
// and feeds' tags, which every change readers can see revalidates, so a tag page follows
// publish, unpublish and bin without a cache tag of its own.
import "server-only";
import { unstable_cache } from "next/cache";
import { readDb } from "../read-db";
import { tags as cacheTags, REVALIDATE_SECONDS } from "../cache-tags";
import type { ArticleListItem } from "../types";
import { tagSlug } from "../validations/tags";
import { listSelect, toListItem } from "./mappers";
import { published } from "./published";

export type TagRef = { id: number; slug: string; name: string };
export const TAG_PAGE_SIZE = 20;

/**
 * The tag of a URL; null for an unknown one. Not cached: a made-up slug must not leave a
 * cache entry behind (a flood of them would fill the cache), and it is one unique-index read.
 */
export async function getTagBySlug(slug: string): Promise<TagRef | null> {
  const key = tagSlug(slug);
  if (!key || key.length > 200) return null;
  return readDb.tag.findUnique({ where: { slug: key }, select: { id: true, slug: true, name: true } });
}

/** A cursor "publishedAt ms.id" of the last item shown: the next page is everything older. */
export type TagCursor = { at: number; id: number };
export const cursorText = (c: TagCursor) => `${c.at}.${c.id}`;
export function parseCursor(raw: string | undefined): TagCursor | null | undefined {
  if (raw === undefined || raw === "") return null;
  const m = /^(\d{1,15})\.(\d{1,10})$/.exec(raw);
  // undefined: malformed, or an id beyond INT4 (no such article; the query would fail on it).
  return m && Number(m[2]) <= 2_147_483_647 ? { at: Number(m[1]), id: Number(m[2]) } : undefined;
}

async function readTagPage(tagId: number, before: TagCursor | null, size: number) {
  const older = before
    ? { OR: [{ publishedAt: { lt: new Date(before.at) } }, { publishedAt: new Date(before.at), id: { lt: before.id } }] }
    : {};
  const rows = await readDb.article.findMany({
    where: { ...published, tags: { some: { tagId } }, ...older },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: size + 1,
    select: listSelect,
  });
  const items: ArticleListItem[] = rows.slice(0, size).map(toListItem);
  const last = items[items.length - 1];
  const next = rows.length > size && last ? cursorText({ at: Date.parse(last.publishedAt), id: last.id }) : null;
  return { items, next };
}

/** One page of a tag's published articles, newest first (keyset: no counting, no offsets). */
export function listTagArticles(tagId: number, before: TagCursor | null, size = TAG_PAGE_SIZE) {
  return unstable_cache(() => readTagPage(tagId, before, size), ["tag-list", String(tagId), before ? cursorText(before) : "first", String(size)], {
    tags: [cacheTags.archive, cacheTags.feeds],
    revalidate: REVALIDATE_SECONDS,
  })();
}

/** The tags of one article, in the order the editor typed them (its page is cached under its own tag). */
export async function readArticleTags(articleId: number): Promise<TagRef[]> {
  const rows = await readDb.articleTag.findMany({
    where: { articleId },
    orderBy: { position: "asc" },
    select: { tag: { select: { id: true, slug: true, name: true } } },
  });
  return rows.map((r) => r.tag);
}

export const getArticleTags = (articleId: number) =>
  unstable_cache(() => readArticleTags(articleId), ["article-tags", String(articleId)], {
    tags: [cacheTags.article(articleId)],
    revalidate: REVALIDATE_SECONDS,
  })();
