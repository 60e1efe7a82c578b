// One batch of generated articles as COPY text for articles and for the search index the
// triggers would have filled: article_search for what readers see, article_desk_search for
// the rest (every article is in exactly one of the two).
import type { GeneratedArticle } from "./content";
import { bigintArray, copyLine } from "./copy";
import { searchRow } from "./search-rows";

export const ARTICLE_COPY_COLUMNS = [
  "id", "legacy_id", "section_id", "title", "subtitle", "excerpt", "body", "source_name", "byline", "editor_name", "status",
  "published_at", "created_at", "updated_at", "view_count", "cover_image_id", "cover_caption",
] as const;
export const SEARCH_COPY_COLUMNS = ["article_id", "section_id", "published_at", "title", "body", "keys"] as const;
export const DESK_SEARCH_COPY_COLUMNS = ["article_id", "title", "body", "keys"] as const;

/** The columns are `timestamp without time zone` holding UTC, as Prisma writes them. */
const utc = (d: Date | null) => (d ? d.toISOString().slice(0, 23).replace("T", " ") : null);

export type BatchText = { articles: string; search: string; desk: string; published: number };

export function batchText(rows: GeneratedArticle[], firstId: number, sectionIds: Map<string, number>, imageIds: Map<string, number>): BatchText {
  const articles: string[] = [];
  const search: string[] = [];
  const desk: string[] = [];
  rows.forEach((a, i) => {
    const id = firstId + i;
    const sectionId = sectionIds.get(a.sectionSlug)!;
    const publishedAt = utc(a.publishedAt);
    articles.push(
      copyLine([
        id, a.legacyId, sectionId, a.title, a.subtitle, a.excerpt, a.body, a.sourceName, a.byline, a.editorName, a.status,
        publishedAt, utc(a.createdAt), utc(a.updatedAt), a.viewCount, a.coverImage ? imageIds.get(a.coverImage) : null, a.coverCaption,
      ]),
    );
    const s = searchRow(a);
    // The seed writes no deleted articles, so "public" is published with a date.
    if (a.status === "PUBLISHED" && publishedAt) search.push(copyLine([id, sectionId, publishedAt, s.title, s.body, bigintArray(s.keys)]));
    else desk.push(copyLine([id, s.title, s.body, bigintArray(s.keys)]));
  });
  return { articles: articles.join(""), search: search.join(""), desk: desk.join(""), published: search.length };
}
