// Read-your-writes across instances: called after a write and before its cache tags are
// revalidated, it waits until every replica has replayed the primary's WAL up to now, at most
// REPLICA_MAX_LAG_MS; a replica that has not (or does not answer) is taken out of rotation
// until it has, here and, through NOTIFY, on every other instance, before the tags go out.
// Otherwise the page re-rendered right after an edit could be read from a replica that has
// not seen the edit, and stay cached stale until the next revalidation. Replicas out of this
// instance's rotation are waited for too: another instance may have them in its own.
import "server-only";
import { env } from "../env";
import { announce, CHANNELS } from "../events/channels";
import { formatLsn } from "./lsn";
import { noteFenced, primaryLsn, replayedLsn, replicaState, takeOut, type Replica } from "./set";

/** Out of rotation here and on every instance until it has replayed `target`. */
async function behind(r: Replica, why: string, target: bigint) {
  takeOut(r, why, target);
  await announce(CHANNELS.replicas, `${r.key} ${formatLsn(target)}`);
}

const POLL_MS = 10;

export async function awaitReplicas(): Promise<void> {
  const s = replicaState();
  if (s.replicas.length === 0) return;
  let target: bigint;
  try {
    target = await primaryLsn();
  } catch {
    return; // the primary is away: nothing was written, nothing to wait for
  }
  noteFenced(target);
  const deadline = Date.now() + env.REPLICA_MAX_LAG_MS;
  await Promise.all(
    s.replicas.map(async (r) => {
      for (;;) {
        let lsn: bigint | null;
        try {
          lsn = await replayedLsn(r);
        } catch (e) {
          return behind(r, `does not answer (${(e as Error).message})`, target);
        }
        if (lsn !== null && lsn >= target) return;
        if (Date.now() >= deadline) return behind(r, `has not replayed ${formatLsn(target)} within ${env.REPLICA_MAX_LAG_MS} ms`, target);
        await new Promise((res) => setTimeout(res, POLL_MS));
      }
    }),
  );
}
