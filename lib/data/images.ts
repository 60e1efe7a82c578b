// The photo library of the newsroom (per request, never cached): newest first, searched by
// caption, alt text and credit, one bounded page at a time (keyset on id: ids grow with
// uploads, so "before this id" is "older than this photo" without counting or offsets).
import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { ImageVariant } from "../types";
import type { PickedPhoto } from "@/components/admin/photo-types";
import { mediaPath } from "../urls";
import { CONTROL } from "../validations/tags";

export const IMAGE_PAGE_SIZE = 24;

export type LibraryPhoto = PickedPhoto & { thumb: string; createdAt: Date; bytes: number };

const select = { id: true, storageKey: true, width: true, height: true, alt: true, caption: true, credit: true, variants: true, bytes: true, createdAt: true } as const;
type Row = Prisma.ImageGetPayload<{ select: typeof select }>;

/** The smallest webp variant as a thumbnail (the original when there is none). */
function thumbOf(r: Row): string {
  const variants = (Array.isArray(r.variants) ? (r.variants as ImageVariant[]) : []).filter((v) => v.format === "webp");
  variants.sort((a, b) => a.width - b.width);
  return mediaPath(variants[0]?.key ?? r.storageKey);
}

export function toLibraryPhoto(r: Row): LibraryPhoto {
  return {
    id: r.id,
    src: mediaPath(r.storageKey),
    width: r.width,
    height: r.height,
    alt: r.alt,
    caption: r.caption ?? "",
    credit: r.credit ?? "",
    thumb: thumbOf(r),
    createdAt: r.createdAt,
    bytes: r.bytes,
  };
}

/** One page of photos older than `before` (an id), matching `q`; `next` is the cursor of the page after. */
export async function searchImages({ q, before, size = IMAGE_PAGE_SIZE }: { q?: string; before?: number | null; size?: number }) {
  const words = (q ?? "").normalize("NFC").replace(CONTROL, " ").trim().split(/\s+/).filter(Boolean).slice(0, 5);
  const where: Prisma.ImageWhereInput = {
    ...(before ? { id: { lt: before } } : {}),
    // Every word somewhere in caption, alt text or credit.
    AND: words.map((w) => ({
      OR: [
        { caption: { contains: w, mode: "insensitive" as const } },
        { alt: { contains: w, mode: "insensitive" as const } },
        { credit: { contains: w, mode: "insensitive" as const } },
      ],
    })),
  };
  const rows = await db.image.findMany({ where, orderBy: { id: "desc" }, take: size + 1, select });
  const more = rows.length > size;
  const items = rows.slice(0, size).map(toLibraryPhoto);
  return { items, next: more ? items[items.length - 1].id : null };
}

export async function getImage(id: number) {
  const r = await db.image.findUnique({ where: { id }, select });
  return r && toLibraryPhoto(r);
}

/** Up to `limit` articles that use the photo (body, cover or social card), through article_images. */
export async function imageUses(imageId: number, limit = 3) {
  const rows = await db.articleImage.findMany({
    where: { imageId },
    orderBy: { articleId: "desc" },
    take: limit + 1,
    select: { article: { select: { id: true, title: true } } },
  });
  return { articles: rows.slice(0, limit).map((r) => r.article), more: rows.length > limit };
}
