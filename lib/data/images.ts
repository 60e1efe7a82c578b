// The photo library of the newsroom (per request, never cached).
import "server-only";
import { db } from "../db";
import { pageCount } from "../pagination";

export const IMAGE_PAGE_SIZE = 24;

export async function listImages(page: number, size = IMAGE_PAGE_SIZE) {
  const [total, rows] = await Promise.all([
    db.image.count(),
    db.image.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * size,
      take: size,
      select: { id: true, storageKey: true, width: true, height: true, alt: true, caption: true, variants: true, bytes: true, createdAt: true },
    }),
  ]);
  return { total, pages: pageCount(total, size), rows };
}
