// This process's listener (one per process, started from instrumentation.ts): a bin or restore
// on any instance updates this one's 410 set, a schedule change anywhere re-arms this one's
// publishing timer, and a replica another instance's fence found behind leaves this one's
// rotation too. After a (re)connection the 410 set and the schedule are read again in full.
import "server-only";
import { env } from "../env";
import { noteBinned, noteRestored, refreshGone } from "../data/gone";
import { armScheduler } from "../scheduler";
import { parseLsn } from "../replicas/lsn";
import { noteBehind } from "../replicas/set";
import { CHANNELS, parseGone } from "./channels";
import { startListener, type Listener } from "./listener";

const g = globalThis as unknown as { __portalEvents?: Listener };

const rearm = () => void armScheduler().catch((e: Error) => console.error(`[scheduler] re-arm failed: ${e.message}`));

export function startEvents(): Listener | null {
  const url = env.DATABASE_URL;
  if (!url) return null;
  return (g.__portalEvents ??= startListener({
    url,
    handlers: {
      [CHANNELS.gone]: (payload) => {
        const n = parseGone(payload);
        if (n) (n.binned ? noteBinned : noteRestored)(n.id);
      },
      [CHANNELS.schedule]: rearm,
      [CHANNELS.replicas]: (payload) => {
        const [key, lsn] = payload.split(" ");
        const at = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i.test(lsn ?? "") ? parseLsn(lsn) : null;
        if (key && at !== null && env.DATABASE_REPLICA_URLS.length) noteBehind(key, at);
      },
    },
    onConnect: () => {
      void refreshGone();
      rearm();
    },
  }));
}

export async function stopEvents(): Promise<void> {
  const l = g.__portalEvents;
  g.__portalEvents = undefined;
  await l?.stop();
}
