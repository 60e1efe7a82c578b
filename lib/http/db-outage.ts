// What this process last learned about reaching PostgreSQL: the data layer (lib/db.ts) notes
// failed and successful connections, the server hook (request-guard.ts) reads it to tell a
// reader "503, try again" instead of "500, something broke" while the database is away.
// Kept on globalThis: instrumentation and the app are separate bundles in one process.

/** How long after the last failed connection a 500 is still blamed on the database. */
export const OUTAGE_WINDOW_MS = 30_000;
/** What a 503 asks clients (and crawlers) to wait. */
export const RETRY_AFTER_SECONDS = 30;

type State = { failedAt: number; okAt: number };
const g = globalThis as unknown as { __portalDbOutage?: State };
const state = (g.__portalDbOutage ??= { failedAt: 0, okAt: 0 });

export function noteDatabaseFailure(now = Date.now()): void {
  state.failedAt = now;
}

export function noteDatabaseReachable(now = Date.now()): void {
  state.okAt = now;
}

/** True while the newest news about the database is a recent failure to reach it. */
export function databaseRecentlyUnreachable(now = Date.now()): boolean {
  return state.failedAt > state.okAt && now - state.failedAt < OUTAGE_WINDOW_MS;
}
