// Scheduled publishing without cron: one in-process timer, armed when the server starts
// (instrumentation.ts) and re-armed whenever a schedule changes, aims at the next due
// article. When it fires it asks this same server to publish what is due: revalidateTag only
// works inside a request (a Route Handler here), not from a bare timer, so the timer makes
// one local POST to /admin/publish-due, authenticated by a key derived from the session
// secret. With several instances every timer may fire: publishDue's single UPDATE ...
// RETURNING hands each due row to exactly one of them, which alone revalidates it. A
// schedule changed on one instance re-arms all of them at once (scheduleChanged: NOTIFY,
// heard by lib/events/instance.ts), and a starting instance fires at once for overdue
// articles. The timer also wakes at least every 5 minutes, which picks up schedules made
// directly in the database.
import { derivedKey } from "./auth/secret";
import { announce, CHANNELS } from "./events/channels";
import { isDue, nextScheduledAt } from "./data/schedule";
import { env } from "./env";

const MAX_SLEEP_MS = 5 * 60_000;
const RETRY_MS = 3_000;
export const SCHEDULER_HEADER = "x-portal-scheduler";

type State = { timer: NodeJS.Timeout | null; dueAt: number | null; trigger: () => Promise<void> };
const g = globalThis as unknown as { __portalScheduler?: State };
const state: State = (g.__portalScheduler ??= { timer: null, dueAt: null, trigger: postToSelf });

function origin(): string {
  // Next's own record of the address it listens on (set by `next start`, also for -p 0); not a
  // setting, so it is not in lib/env.ts.
  return process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${env.PORT}`;
}

async function postToSelf(): Promise<void> {
  const r = await fetch(`${origin()}/admin/publish-due`, {
    method: "POST",
    headers: { [SCHEDULER_HEADER]: await derivedKey("scheduler") },
    signal: AbortSignal.timeout(30_000),
  });
  if (!r.ok) throw new Error(`publish-due answered HTTP ${r.status}`);
}

function setTimer(ms: number) {
  if (state.timer) clearTimeout(state.timer);
  state.timer = setTimeout(() => void tick(), Math.max(0, Math.min(ms, MAX_SLEEP_MS)));
  state.timer.unref(); // never keeps a process (a build, a test) alive
}

/** Aims the timer at the next scheduled article (or a 5-minute wake-up when there is none). */
export async function armScheduler(): Promise<number | null> {
  const next = await nextScheduledAt();
  state.dueAt = next?.getTime() ?? null;
  // A few ms late rather than early: the UPDATE compares with the database clock.
  setTimer(state.dueAt === null ? MAX_SLEEP_MS : state.dueAt - Date.now() + 50);
  return state.dueAt;
}

async function tick() {
  state.timer = null;
  try {
    const next = await nextScheduledAt();
    if (isDue(next, new Date())) await state.trigger();
    await armScheduler();
  } catch (e) {
    console.error(`[scheduler] ${(e as Error).message}; retrying in ${RETRY_MS / 1000} s`);
    setTimer(RETRY_MS);
  }
}

/** After a change from or to SCHEDULED: re-arms this timer and, through NOTIFY, every instance's. */
export function scheduleChanged(): void {
  void armScheduler().catch((e) => console.error("[scheduler] re-arm failed", e));
  void announce(CHANNELS.schedule);
}

/** Called once per server process from instrumentation.ts. */
export function startScheduler(): void {
  armScheduler().catch((e) => {
    console.error(`[scheduler] could not read the schedule: ${(e as Error).message}`);
    setTimer(RETRY_MS);
  });
}

/** For tests: what to do when an article is due (instead of the local POST), and the state. */
export function setSchedulerTrigger(fn: () => Promise<void>) {
  state.trigger = fn;
}
export function schedulerState() {
  return { armed: state.timer !== null, dueAt: state.dueAt };
}
export function stopScheduler() {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
}
