// One batch of generated articles as COPY text for articles and for the search index the
// triggers would have filled: article_search for what readers see, article_desk_search for
// the rest (every article is in exactly one of the two).
import type { GeneratedArticle } from "./content";
import { copyLine } from "./copy";
import { BinaryRows } from "./copy-binary";
import { searchRow } from "./search-rows";

export const ARTICLE_COPY_COLUMNS = [
  "id", "legacy_id", "section_id", "title", "subtitle", "excerpt", "body", "source_name", "byline", "editor_name", "status",
  "published_at", "created_at", "updated_at", "view_count", "cover_image_id", "cover_caption",
] as const;
export const SEARCH_COPY_COLUMNS = ["article_id", "section_id", "published_at", "title", "body", "keys"] as const;
export const DESK_SEARCH_COPY_COLUMNS = ["article_id", "title", "body", "keys"] as const;

/** The columns are `timestamp without time zone` holding UTC, as Prisma writes them. */
const utc = (d: Date | null) => (d ? d.toISOString().slice(0, 23).replace("T", " ") : null);

export type BatchData = { articles: string; search: Buffer | null; desk: Buffer | null; count: number };

/** Collects a batch of articles row by row (so the caller can yield between rows). */
export class ArticleBatch {
  private articles: string[] = [];
  private search = new BinaryRows();
  private desk = new BinaryRows();

  constructor(
    private sectionIds: Map<string, number>,
    private imageIds: Map<string, number>,
  ) {}

  get count() {
    return this.articles.length;
  }

  add(a: GeneratedArticle, id: number) {
    const sectionId = this.sectionIds.get(a.sectionSlug)!;
    this.articles.push(
      copyLine([
        id, a.legacyId, sectionId, a.title, a.subtitle, a.excerpt, a.body, a.sourceName, a.byline, a.editorName, a.status,
        utc(a.publishedAt), utc(a.createdAt), utc(a.updatedAt), a.viewCount, a.coverImage ? this.imageIds.get(a.coverImage) : null, a.coverCaption,
      ]),
    );
    const s = searchRow(a);
    // The seed writes no deleted articles, so "public" is published with a date.
    if (a.status === "PUBLISHED" && a.publishedAt) this.search.row(6).int4(id).int4(sectionId).timestamp(a.publishedAt).text(s.title).text(s.body).int8Array(s.keys);
    else this.desk.row(4).int4(id).text(s.title).text(s.body).int8Array(s.keys);
  }

  finish(): BatchData {
    return {
      articles: this.articles.join(""),
      search: this.search.rows ? this.search.end() : null,
      desk: this.desk.rows ? this.desk.end() : null,
      count: this.articles.length,
    };
  }
}
