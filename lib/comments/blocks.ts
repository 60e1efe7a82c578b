// An editor blocks a commenter by IP hash until a time. The one rule of "blocked now", as a
// plain function of the database, so the comment post path (lib/comments/post.ts), the
// moderation screen and the tests ask the same question.
import type { Db, Tx } from "./db-type";

/** The blocks in force at `now` (a block lifted by an editor ends at the time it was lifted). */
export const inForce = (now: Date) => ({ until: { gt: now } });

export async function isIpHashBlocked(db: Db | Tx, ipHash: string, now: Date): Promise<boolean> {
  const hit = await db.commentIpBlock.findFirst({ where: { ipHash, ...inForce(now) }, select: { id: true } });
  return hit !== null;
}
