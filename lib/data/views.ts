// 조회 counts. A visitor (a keyed hash of the client address) counts once per article per
// China-time day: the INSERT into article_view_visits decides it atomically, so several
// instances agree. Increments are HOT updates (view_count is in no index), one row each.
import "server-only";
import { db } from "../db";
import { env } from "../env";
import type { Db } from "../comments/db-type";
import { chinaDayStart } from "../china-time";
import { hit, type Limit } from "../limits/rate-limit";
import { clientIpHash } from "../comments/ip-hash";
import { publishedSql } from "./published";

/** Beacons per address (any article), 120 by default: a reader opens far fewer pages than this. */
// `max` is read when used: importing this module must not parse the settings (lib/env.ts).
export const VIEW_BEACON_LIMIT: Limit = {
  bucket: "views",
  get max() {
    return env.VIEW_BEACONS_PER_10_MINUTES;
  },
  windowSeconds: 600,
};

// Rows of past days are useless; each process deletes them at most once an hour.
const PRUNE_EVERY_MS = 3_600_000;
let lastPrune = 0;

/**
 * Counts the visit of `visitor` to article `id` unless it was counted in this window; returns
 * the live count (null when the article is not published). Only a published article gets a row.
 */
export async function recordView(id: number, visitor: string, now = new Date(), client: Db = db): Promise<number | null> {
  // A visitor counts again for the same article the next China-time day.
  const start = chinaDayStart(now);
  const rows = await client.$queryRaw<{ view_count: number }[]>`
    WITH target AS (
      SELECT id, view_count FROM articles WHERE id = ${id} AND ${publishedSql()}
    ), first AS (
      INSERT INTO article_view_visits (article_id, visitor, window_start)
      SELECT id, ${visitor}, ${start} FROM target
      ON CONFLICT DO NOTHING
      RETURNING article_id
    ), bumped AS (
      UPDATE articles SET view_count = view_count + 1 WHERE id IN (SELECT article_id FROM first)
      RETURNING view_count
    )
    SELECT coalesce((SELECT view_count FROM bumped), view_count) AS view_count FROM target`;
  await maybePrune(client, start, now);
  return rows[0]?.view_count ?? null;
}

async function maybePrune(client: Db, start: Date, now: Date): Promise<void> {
  if (Math.abs(now.getTime() - lastPrune) < PRUNE_EVERY_MS) return;
  lastPrune = now.getTime();
  await pruneViewVisits(start, client);
}

/** Deletes the visits of windows before `before`: the table holds one day's visitors at most. */
export async function pruneViewVisits(before: Date, client: Db = db): Promise<number> {
  return client.$executeRaw`DELETE FROM article_view_visits WHERE window_start < ${before}`;
}

export type BeaconResult = { status: 200; views: number } | { status: 404 } | { status: 429; retryAfter: number };

/**
 * What POST /api/views/{id} does for a reader: the address's beacon limit first (a flood is
 * answered 429 before the article is touched), then the once-per-window count.
 */
export async function countBeacon(id: number, ip: string, now = new Date(), client: Db = db): Promise<BeaconResult> {
  const visitor = await clientIpHash(client, ip);
  const verdict = await hit(client, VIEW_BEACON_LIMIT, visitor, now);
  if (!verdict.ok) return { status: 429, retryAfter: verdict.retryAfter };
  const views = await recordView(id, visitor, now, client);
  return views === null ? { status: 404 } : { status: 200, views };
}

export async function readViews(id: number, client: Db = db): Promise<number | null> {
  const rows = await client.$queryRaw<{ view_count: number }[]>`
    SELECT view_count FROM articles WHERE id = ${id} AND ${publishedSql()}`;
  return rows[0]?.view_count ?? null;
}
