// Maps Prisma rows to the domain types of lib/types.ts.
import type { ImageRef, ImageVariant, ArticleListItem } from "../types";

type ImageRow = { id: number; storageKey: string; width: number; height: number; alt: string; variants: unknown };

export function toImageRef(row: ImageRow | null | undefined): ImageRef | null {
  if (!row) return null;
  const variants = Array.isArray(row.variants) ? (row.variants as ImageVariant[]) : [];
  return { id: row.id, key: row.storageKey, width: row.width, height: row.height, alt: row.alt, variants };
}

export const imageSelect = { id: true, storageKey: true, width: true, height: true, alt: true, variants: true } as const;

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
