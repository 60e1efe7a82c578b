// Sign-in throttle rows and the addresses an account is known to sign in from (see
// lib/auth/throttle.ts for the policy). All times come from the caller, so tests move the clock.
import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { blockMs, THROTTLE, type ThrottleKind } from "../auth/throttle";

export type Reservation = { admitted: true; failures: number } | { admitted: false; retryAt: Date };

/**
 * Counts one attempt for (kind, key) unless the key is refused right now. One statement, so
 * that parallel guesses queue on the row lock and exactly `free` of them are admitted.
 */
export async function reserveAttempt(kind: ThrottleKind, key: string, now: Date): Promise<Reservation> {
  const p = THROTTLE[kind];
  const forget = new Date(now.getTime() - THROTTLE.forgetMs);
  const first = blockMs(kind, 1) ? new Date(now.getTime() + blockMs(kind, 1)) : null;
  const n = Prisma.sql`(CASE WHEN t.updated_at < ${forget}::timestamp(3) THEN 1 ELSE t.failures + 1 END)`;
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO login_throttle AS t (kind, key, failures, blocked_until, updated_at)
    VALUES (${kind}, ${key}, 1, ${first}::timestamp(3), ${now}::timestamp(3))
    ON CONFLICT (kind, key) DO UPDATE SET
      failures = ${n},
      blocked_until = CASE WHEN ${n} < ${p.free}::int THEN NULL ELSE ${now}::timestamp(3)
        + make_interval(secs => LEAST(${p.baseMs}::float8 * power(2, ${n} - ${p.free}::int), ${p.capMs}::float8) / 1000) END,
      updated_at = ${now}::timestamp(3)
    WHERE t.blocked_until IS NULL OR t.blocked_until <= ${now}::timestamp(3)
    RETURNING failures`;
  if (rows.length) return { admitted: true, failures: rows[0].failures };
  const row = await db.loginThrottle.findUnique({ where: { kind_key: { kind, key } }, select: { blockedUntil: true } });
  return { admitted: false, retryAt: row?.blockedUntil ?? now };
}

/** Gives back one reserved attempt (it succeeded), lifting a block it alone caused. */
export async function refundAttempt(kind: ThrottleKind, key: string): Promise<void> {
  await db.$executeRaw`
    UPDATE login_throttle SET failures = GREATEST(failures - 1, 0),
      blocked_until = CASE WHEN failures - 1 < ${THROTTLE[kind].free}::int THEN NULL ELSE blocked_until END
    WHERE kind = ${kind} AND key = ${key}`;
}

export async function clearAttempts(kind: ThrottleKind, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { kind, key } });
}

/** Forgets keys nobody tried for a day (their count would start from zero anyway). */
export async function pruneThrottle(now: Date): Promise<number> {
  const forget = new Date(now.getTime() - THROTTLE.forgetMs);
  const r = await db.loginThrottle.deleteMany({ where: { updatedAt: { lt: forget }, OR: [{ blockedUntil: null }, { blockedUntil: { lte: now } }] } });
  return r.count;
}

export const KNOWN_ADDRESSES_KEPT = 10;

export async function isKnownAddress(userId: number, addressHash: string): Promise<boolean> {
  return (await db.knownSignInAddress.count({ where: { userId, addressHash } })) > 0;
}

/** Remembers where an account signed in from: the most recent few only. */
export async function rememberAddress(userId: number, addressHash: string, now: Date): Promise<void> {
  await db.knownSignInAddress.upsert({
    where: { userId_addressHash: { userId, addressHash } },
    create: { userId, addressHash, lastSeenAt: now },
    update: { lastSeenAt: now },
  });
  await db.$executeRaw`
    DELETE FROM known_sign_in_addresses WHERE user_id = ${userId} AND address_hash NOT IN (
      SELECT address_hash FROM known_sign_in_addresses WHERE user_id = ${userId} ORDER BY last_seen_at DESC LIMIT ${KNOWN_ADDRESSES_KEPT}::int)`;
}
