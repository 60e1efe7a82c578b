// The column lists (selects) of each view of an article, and the mapping of their rows to the
// domain types of lib/types.ts. A view that shows an article reads it through one of these,
// so a new field is added in one place.
import type { ImageRef, ImageVariant, Article, ArticleListItem } from "../types";

type ImageRow = { id: number; storageKey: string; width: number; height: number; alt: string; variants: unknown };

export function toImageRef(row: ImageRow | null | undefined): ImageRef | null {
  if (!row) return null;
  const variants = Array.isArray(row.variants) ? (row.variants as ImageVariant[]) : [];
  return { id: row.id, key: row.storageKey, width: row.width, height: row.height, alt: row.alt, variants };
}

export const imageSelect = { id: true, storageKey: true, width: true, height: true, alt: true, variants: true } as const;

/** An item of the lists: home, sections, archive, search results. */
export const listSelect = {
  id: true,
  title: true,
  excerpt: true,
  publishedAt: true,
  section: { select: { id: true, slug: true, name: true } },
  coverImage: { select: imageSelect },
} as const;

type ListRow = {
  id: number;
  title: string;
  excerpt: string;
  publishedAt: Date | null;
  section: { id: number; slug: string; name: string };
  coverImage: ImageRow | null;
};

export function toListItem(r: ListRow): ArticleListItem {
  return {
    id: r.id,
    title: r.title,
    excerpt: r.excerpt,
    publishedAt: (r.publishedAt ?? new Date(0)).toISOString(),
    section: r.section,
    cover: toImageRef(r.coverImage),
  };
}

/** The whole article as the reader's article view shows it (also the staff preview). */
export const articleSelect = {
  ...listSelect,
  subtitle: true,
  body: true,
  sourceName: true,
  byline: true,
  editorName: true,
  updatedAt: true,
  viewCount: true,
  coverCaption: true,
  legacyId: true,
  author: { select: { name: true } },
  // Whose the cover photo is, under its caption (the photo library's credit).
  coverImage: { select: { ...imageSelect, credit: true } },
} as const;

type ArticleRow = ListRow & {
  subtitle: string | null;
  body: string;
  sourceName: string;
  byline: string | null;
  editorName: string | null;
  updatedAt: Date;
  viewCount: number;
  coverCaption: string | null;
  legacyId: number | null;
  author: { name: string } | null;
  coverImage: (ImageRow & { credit?: string | null }) | null;
};

export function toArticle(r: ArticleRow): Article {
  return {
    ...toListItem(r),
    subtitle: r.subtitle,
    body: r.body,
    sourceName: r.sourceName,
    byline: r.byline,
    editorName: r.editorName,
    updatedAt: r.updatedAt.toISOString(),
    viewCount: r.viewCount,
    coverCaption: r.coverCaption,
    legacyId: r.legacyId,
    cover: toImageRef(r.coverImage),
    coverCredit: r.coverImage?.credit ?? null,
    authorName: r.author?.name ?? null,
  };
}

/** An article as every write reads it before changing it (lib/actions/core), and the editor's form. */
export const stateSelect = {
  id: true,
  authorId: true,
  status: true,
  deletedAt: true,
  sectionId: true,
  publishedAt: true,
  updatedAt: true,
  version: true,
  title: true,
  subtitle: true,
  excerpt: true,
  body: true,
  sourceName: true,
  byline: true,
  editorName: true,
  coverImageId: true,
  coverCaption: true,
} as const;
