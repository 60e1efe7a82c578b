// Visible comments of an article, newest first, a page at a time. Hidden ones (an editor's
// decision) are left out here, so they disappear from every page that lists comments.
import type { Db } from "./db-type";
import { pageCount } from "../pagination";
import { COMMENTS_PER_PAGE } from "./config";

export type PublicComment = { id: number; nickname: string; body: string; createdAt: string };
export type CommentPage = { articleId: number; total: number; page: number; pages: number; items: PublicComment[] };

export async function listComments(db: Db, articleId: number, page: number, size = COMMENTS_PER_PAGE): Promise<CommentPage | null> {
  const where = { articleId, status: "VISIBLE" } as const;
  const total = await db.comment.count({ where });
  const pages = pageCount(total, size);
  if (page > pages) return null;
  const rows = await db.comment.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * size,
    take: size,
    select: { id: true, nickname: true, body: true, createdAt: true },
  });
  return { articleId, total, page, pages, items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}
