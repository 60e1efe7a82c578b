// What this process last learned about reaching PostgreSQL: the data layer (lib/db.ts) notes
// failed and successful connections, the server hook (request-guard.ts) reads it to tell a
// reader "503, try again" instead of "500, something broke" while the database is away.
// Kept on globalThis: instrumentation and the app are separate bundles in one process.

/** How long after the last failed connection a 500 is still blamed on the database. */
export const OUTAGE_WINDOW_MS = 30_000;
/** What a 503 asks clients (and crawlers) to wait. */
export const RETRY_AFTER_SECONDS = 30;

/** How long after a query found every connection busy a 500 is still blamed on load. */
export const BUSY_WINDOW_MS = 5_000;
/** What a 503 for load asks clients to wait: a moment, not an outage's half minute. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

type State = { failedAt: number; okAt: number; busyAt: number };
const g = globalThis as unknown as { __portalDbOutage?: State };
const state = (g.__portalDbOutage ??= { failedAt: 0, okAt: 0, busyAt: 0 });
state.busyAt ??= 0;

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

/** A query could not get a connection or start its transaction in time (lib/db-errors.ts#isDatabaseBusy). */
export function noteDatabaseBusy(now = Date.now()): void {
  state.busyAt = now;
}

/** True for a few seconds after a query gave up waiting for a connection: a 500 then is load, answered 503. */
export function databaseRecentlyBusy(now = Date.now()): boolean {
  return state.busyAt > 0 && now - state.busyAt < BUSY_WINDOW_MS;
}
