// Ids of articles in the bin (soft-deleted), for proxy.ts to answer 410 Gone before any
// cached page is served. The set is read once, then refreshed in the background at most
// every GONE_REFRESH_MS: one small query per interval instead of one per request. It lives
// on globalThis because proxy.ts and the app are separate bundles in one process: the
// admin's delete and restore actions call announceBinned/announceRestored, which note the
// change here at once and NOTIFY every other instance (lib/events), whose listener notes it
// there within moments; the periodic refresh is the safety net. Always read on the primary:
// a replica could still hold an article just binned.
import "server-only";
import { db } from "../db";
import { announce, CHANNELS, goneText } from "../events/channels";
import { binned } from "./published";

export const GONE_REFRESH_MS = 10_000;

type Change = { id: number; binned: boolean; at: number };
type State = { ids: Set<number>; at: number; pending: Promise<void> | null; changes?: Change[] };
const g = globalThis as unknown as { __goneArticles?: State };
const state = (g.__goneArticles ??= { ids: new Set(), at: 0, pending: null });
const changes = (state.changes ??= []);

async function refresh(): Promise<void> {
  const started = Date.now();
  try {
    const rows = await db.article.findMany({ where: binned, select: { id: true } });
    const ids = new Set(rows.map((r) => r.id));
    // A change noted while the query ran may be newer than what it read: it stays applied.
    for (const c of changes) if (c.at >= started - 1_000) (c.binned ? ids.add(c.id) : ids.delete(c.id));
    changes.splice(0, changes.length, ...changes.filter((c) => c.at >= Date.now() - 60_000));
    state.ids = ids;
  } catch (e) {
    // Keep answering with what we knew; the page itself still says 404 for a binned article.
    console.error("gone: could not read the bin:", (e as Error).message);
  }
  state.at = started;
}

function refreshOnce(): Promise<void> {
  return (state.pending ??= refresh().finally(() => (state.pending = null)));
}

export async function isGone(id: number): Promise<boolean> {
  if (state.at === 0) await refreshOnce();
  else if (Date.now() - state.at > GONE_REFRESH_MS) void refreshOnce();
  return state.ids.has(id);
}

/** A full re-read now (after the listener reconnects: notifications may have been missed). */
export function refreshGone(): Promise<void> {
  return state.pending ? state.pending.then(refreshOnce) : refreshOnce();
}

/** This process's note of a bin (from this instance's action or another's notification). */
export function noteBinned(id: number): void {
  state.ids.add(id);
  changes.push({ id, binned: true, at: Date.now() });
}

/** This process's note of a restore or a purge (then the article is simply not found). */
export function noteRestored(id: number): void {
  state.ids.delete(id);
  changes.push({ id, binned: false, at: Date.now() });
}

/** Call after moving an article to the bin: 410 at once here, and on every instance within moments. */
export async function announceBinned(id: number): Promise<void> {
  noteBinned(id);
  await announce(CHANNELS.gone, goneText({ id, binned: true }));
}

/** Call after restoring or purging an article. */
export async function announceRestored(id: number): Promise<void> {
  noteRestored(id);
  await announce(CHANNELS.gone, goneText({ id, binned: false }));
}
