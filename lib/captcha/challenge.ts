// Captcha challenges in PostgreSQL: issued with the image, answered once with the comment.
import { randomBytes, randomInt } from "node:crypto";
import type { Db, Tx } from "../comments/db-type";
import { CAPTCHA_TTL_SECONDS, FAILURE_WINDOW_SECONDS, ISSUE_LIMIT, ISSUE_WINDOW_SECONDS, commentSettings } from "../comments/config";
import { judgeChallenge, type ChallengeVerdict } from "../comments/limits";

/** 5 or 6 digits, so that a guesser does not even know the length. */
export function newAnswer(): string {
  const n = randomInt(5, 7);
  return Array.from({ length: n }, () => String(randomInt(10))).join("");
}

export type Issued = { ok: true; id: string; answer: string; expiresAt: Date } | { ok: false; retryAfter: number };

export async function issueChallenge(db: Db, ipHash: string, now = new Date()): Promise<Issued> {
  const since = new Date(now.getTime() - ISSUE_WINDOW_SECONDS * 1000);
  const recent = await db.captchaChallenge.count({ where: { ipHash, createdAt: { gt: since } } });
  if (recent >= ISSUE_LIMIT) return { ok: false, retryAfter: ISSUE_WINDOW_SECONDS };
  // Spent rows are only evidence for the limits above; sweep them now and then.
  if (randomInt(50) === 0) await sweepStale(db, now);
  const row = await db.captchaChallenge.create({
    data: {
      id: randomBytes(18).toString("base64url"),
      answer: newAnswer(),
      ipHash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + CAPTCHA_TTL_SECONDS * 1000),
    },
  });
  return { ok: true, id: row.id, answer: row.answer, expiresAt: row.expiresAt };
}

/** Deletes what no limit looks at any more: long-expired challenges, idle per-client rows. */
export async function sweepStale(db: Db, now = new Date()): Promise<{ challenges: number; clients: number }> {
  const hour = 3600_000;
  const challengeCutoff = new Date(now.getTime() - Math.max(ISSUE_WINDOW_SECONDS, CAPTCHA_TTL_SECONDS) * 1000 - hour);
  const clientCutoff = new Date(now.getTime() - Math.max(24 * hour, commentSettings().intervalSeconds * 1000 + hour, FAILURE_WINDOW_SECONDS * 1000 + hour));
  const challenges = await db.captchaChallenge.deleteMany({ where: { expiresAt: { lt: challengeCutoff } } });
  const clients = await db.commentClientLimit.deleteMany({ where: { updatedAt: { lt: clientCutoff } } });
  return { challenges: challenges.count, clients: clients.count };
}

/**
 * Answers challenge `id` inside the caller's transaction: the row is locked, so of two
 * concurrent right answers only one gets "ok". Every answer to a live challenge counts as
 * an attempt; a right one also spends it.
 */
export async function answerChallenge(tx: Tx, id: string | null, given: string, now = new Date()): Promise<ChallengeVerdict> {
  if (!id) return "missing";
  await tx.$queryRaw`SELECT 1 FROM captcha_challenges WHERE id = ${id} FOR UPDATE`;
  const row = await tx.captchaChallenge.findUnique({ where: { id } });
  const verdict = judgeChallenge(row, given, now);
  if (verdict === "ok" || verdict === "wrong") {
    await tx.captchaChallenge.update({
      where: { id },
      data: { attempts: { increment: 1 }, ...(verdict === "ok" ? { usedAt: now } : {}) },
    });
  }
  return verdict;
}
