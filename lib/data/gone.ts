// Ids of articles in the bin (soft-deleted), for proxy.ts to answer 410 Gone before any
// cached page is served. The set is read once, then refreshed in the background at most
// every GONE_REFRESH_MS: one small query per interval instead of one per request. It lives
// on globalThis because proxy.ts and the app are separate bundles in one process: the
// admin's delete and restore actions call noteBinned/noteRestored so that this process
// answers at once; other processes catch up within the interval.
import "server-only";
import { db } from "../db";
import { binned } from "./published";

export const GONE_REFRESH_MS = 10_000;

type State = { ids: Set<number>; at: number; pending: Promise<void> | null };
const g = globalThis as unknown as { __goneArticles?: State };
const state = (g.__goneArticles ??= { ids: new Set(), at: 0, pending: null });

async function refresh(): Promise<void> {
  const started = Date.now();
  try {
    const rows = await db.article.findMany({ where: binned, select: { id: true } });
    state.ids = new Set(rows.map((r) => r.id));
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

/** Call after moving an article to the bin (the admin's delete action). */
export function noteBinned(id: number): void {
  state.ids.add(id);
}

/** Call after restoring an article from the bin, or purging it (then it is simply not found). */
export function noteRestored(id: number): void {
  state.ids.delete(id);
}
