// Commenters blocked by an editor (by IP hash, until a time). The comment post path asks
// isIpHashBlocked before it accepts a comment.
import "server-only";
import { db } from "../db";

export async function isIpHashBlocked(ipHash: string, now = new Date()): Promise<boolean> {
  const hit = await db.commentIpBlock.findFirst({ where: { ipHash, until: { gt: now } }, select: { id: true } });
  return hit !== null;
}

export async function activeBlocks(now = new Date()) {
  return db.commentIpBlock.findMany({
    where: { until: { gt: now } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, ipHash: true, until: true, reason: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}
