// Admin reads of sections, staff, images and comments (per request, never cached).
import "server-only";
import { db } from "../db";

export const allSections = () =>
  db.section.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, slug: true, name: true, hidden: true, position: true } });

export const listStaff = () =>
  db.user.findMany({ orderBy: [{ role: "asc" }, { name: "asc" }], select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true } });

export async function listImages(page: number, size = 24) {
  const [total, rows] = await Promise.all([
    db.image.count(),
    db.image.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * size,
      take: size,
      select: { id: true, storageKey: true, width: true, height: true, alt: true, caption: true, variants: true, bytes: true, createdAt: true },
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / size)), rows };
}

export const COMMENT_PAGE_SIZE = 30;
export async function listComments(page: number, status?: "VISIBLE" | "HIDDEN") {
  const where = status ? { status } : {};
  const [total, rows] = await Promise.all([
    db.comment.count({ where }),
    db.comment.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * COMMENT_PAGE_SIZE,
      take: COMMENT_PAGE_SIZE,
      select: { id: true, nickname: true, body: true, status: true, ipHash: true, createdAt: true, article: { select: { id: true, title: true } } },
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / COMMENT_PAGE_SIZE)), rows };
}
