// The one LISTEN connection of a process to the primary: it hands each notification of
// lib/events/channels.ts to its handler, and after every (re)connection calls `onConnect` so
// that what may have been missed meanwhile is read again in full. A lost connection is
// retried with backoff (0.5 s doubling to 30 s); a heartbeat notices a connection that died
// without a word (a dropped network path).
import pg from "pg";

export type ListenerOptions = {
  url: string;
  handlers: Record<string, (payload: string) => void>;
  onConnect?: () => void;
  log?: (m: string) => void;
};

export type Listener = { stop: () => Promise<void>; connected: () => boolean };

const HEARTBEAT_MS = 15_000;
export const LISTENER_NAME = "portal-listener";
const BACKOFF_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000];

export function startListener(opts: ListenerOptions): Listener {
  const log = opts.log ?? ((m: string) => console.error(`[events] ${m}`));
  let client: pg.Client | null = null;
  let stopped = false;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;
  let beat: NodeJS.Timeout | null = null;

  const drop = (c: pg.Client, why: string) => {
    if (client !== c) return; // already dropped
    client = null;
    if (beat) clearInterval(beat);
    beat = null;
    void c.end().catch(() => {});
    if (stopped) return;
    const wait = BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)];
    log(`listener lost (${why}); reconnecting in ${wait} ms`);
    retry = setTimeout(connect, wait);
    retry.unref();
  };

  async function connect() {
    retry = null;
    if (stopped) return;
    // Named, so that an operator (and a test) can tell it in pg_stat_activity.
    const c = new pg.Client({ connectionString: opts.url, keepAlive: true, connectionTimeoutMillis: 5_000, query_timeout: 5_000, application_name: LISTENER_NAME });
    client = c;
    c.on("error", (e) => drop(c, e.message));
    c.on("end", () => drop(c, "connection closed"));
    c.on("notification", (n) => {
      const handle = opts.handlers[n.channel];
      try {
        handle?.(n.payload ?? "");
      } catch (e) {
        log(`handler for ${n.channel} failed: ${(e as Error).message}`);
      }
    });
    try {
      await c.connect();
      for (const channel of Object.keys(opts.handlers)) await c.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
    } catch (e) {
      return drop(c, (e as Error).message);
    }
    if (client !== c || stopped) return;
    if (failures > 0) log("listener connected again");
    failures = 0;
    beat = setInterval(() => void c.query("SELECT 1").catch((e: Error) => drop(c, e.message)), HEARTBEAT_MS);
    beat.unref();
    opts.onConnect?.();
  }

  void connect();
  return {
    connected: () => client !== null && beat !== null,
    stop: async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      if (beat) clearInterval(beat);
      const c = client;
      client = null;
      if (c) await c.end().catch(() => {});
    },
  };
}
