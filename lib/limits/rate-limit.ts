// Atomic fixed-window rate limits in PostgreSQL, so that every instance of the app counts
// against the same numbers: one upsert per hit, one row per (bucket, key, window).
import type { Db } from "../comments/db-type";
import { secondsLeft, windowStart } from "./window";

export type Limit = {
  /** What is limited, e.g. "views" or "search"; also the rows' bucket. */
  bucket: string;
  /** Hits allowed per window. */
  max: number;
  windowSeconds: number;
};

export type Verdict = { ok: true } | { ok: false; retryAfter: number };

// Rows of past windows are useless; each process deletes them at most once a minute per bucket.
const PRUNE_EVERY_MS = 60_000;
const lastPrune = new Map<string, number>();

/**
 * Counts one hit of `key` (a keyed hash of the client, never a raw address) and says whether
 * it is within the limit. Once a window is full the row is no longer written, so a flood costs
 * a locked read per request rather than a new row version each time.
 */
export async function hit(db: Db, limit: Limit, key: string, now = new Date()): Promise<Verdict> {
  const start = windowStart(now, limit.windowSeconds);
  const rows = await db.$queryRaw<{ hits: number }[]>`
    INSERT INTO rate_limits (bucket, key, window_start, hits) VALUES (${limit.bucket}, ${key}, ${start}, 1)
    ON CONFLICT (bucket, key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
    WHERE rate_limits.hits < ${limit.max}
    RETURNING hits`;
  await maybePrune(db, limit, start, now);
  return rows.length > 0 ? { ok: true } : { ok: false, retryAfter: secondsLeft(now, limit.windowSeconds) };
}

async function maybePrune(db: Db, limit: Limit, start: Date, now: Date): Promise<void> {
  const last = lastPrune.get(limit.bucket) ?? 0;
  if (Math.abs(now.getTime() - last) < PRUNE_EVERY_MS) return;
  lastPrune.set(limit.bucket, now.getTime());
  await pruneRateLimits(db, limit.bucket, start);
}

/** Deletes the bucket's windows that started before `before`; returns how many rows went. */
export async function pruneRateLimits(db: Db, bucket: string, before: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM rate_limits WHERE bucket = ${bucket} AND window_start < ${before}`;
}
