// The moderation screen's reads: every comment (hidden ones too) and the blocks in force.
// Per request, never cached.
import "server-only";
import { db } from "../db";
import { pageCount } from "../pagination";
import { inForce, isIpHashBlocked as blockedIn } from "../comments/blocks";

export const COMMENT_PAGE_SIZE = 30;

export async function listAllComments(page: number, status?: "VISIBLE" | "HIDDEN") {
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
  return { total, pages: pageCount(total, COMMENT_PAGE_SIZE), rows };
}

export function isIpHashBlocked(ipHash: string, now = new Date()): Promise<boolean> {
  return blockedIn(db, ipHash, now);
}

export async function activeBlocks(now = new Date()) {
  return db.commentIpBlock.findMany({
    where: inForce(now),
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, ipHash: true, until: true, reason: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}
