// The read replicas of DATABASE_REPLICA_URLS and which of them are in rotation. A replica is
// in rotation while it answers and has replayed what the primary had written
// REPLICA_MAX_LAG_MS ago (checked every second); it comes back only once it has also replayed
// past every write this process fenced (lib/replicas/fence.ts) while it was out, so a page
// rendered from it never shows an edit undone. Without replicas nothing here runs at all.
import "server-only";
import pg from "pg";
import { clientFor, db, type Db } from "../db";
import { env } from "../env";
import { formatLsn, parseLsn } from "./lsn";

export const CHECK_EVERY_MS = 1_000;

export type Replica = {
  name: string;
  /** host:port/database: the same replica in every instance's settings (no password). */
  key: string;
  client: Db;
  /** One connection for the health checks, with short timeouts of its own. */
  probe: pg.Pool;
  inRotation: boolean;
  why: string;
  /** Stays out until it has replayed this far (set when a fence gave up on it). */
  mustReach: bigint;
};

type State = { replicas: Replica[]; samples: { at: number; lsn: bigint }[]; fenced: bigint; timer: NodeJS.Timeout | null; round: Promise<void> | null };

function create(): State {
  const replicas = env.DATABASE_REPLICA_URLS.map((url, i): Replica => {
    const u = new URL(url);
    // Replica errors must not crash the process or count as a database outage (lib/http/db-outage.ts).
    const pool = new pg.Pool({ connectionString: url, max: env.DB_POOL_MAX, connectionTimeoutMillis: 2_000 });
    pool.on("error", () => {});
    const probe = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 2_000, query_timeout: 2_000 });
    probe.on("error", () => {});
    const key = `${u.hostname}:${u.port || 5432}${u.pathname}`;
    return { name: `replica ${i + 1} (${u.hostname}:${u.port || 5432})`, key, client: clientFor(pool), probe, inRotation: false, why: "not checked yet", mustReach: 0n };
  });
  return { replicas, samples: [], fenced: 0n, timer: null, round: null };
}

const g = globalThis as unknown as { __portalReplicas?: State };

/** The replica set, created (and its checks started) on first use. */
export function replicaState(): State {
  if (g.__portalReplicas) return g.__portalReplicas;
  const s = (g.__portalReplicas = create());
  if (s.replicas.length) {
    void checkReplicas();
    s.timer = setInterval(() => void checkReplicas(), CHECK_EVERY_MS);
    s.timer.unref();
  }
  return s;
}

export async function primaryLsn(): Promise<bigint> {
  const r = await db.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
  return parseLsn(r[0].lsn)!;
}

/** How far the replica has replayed; null when it is not a standby. Throws when it does not answer. */
export async function replayedLsn(r: Replica): Promise<bigint | null> {
  const q = await r.probe.query<{ lsn: string | null }>("SELECT pg_last_wal_replay_lsn()::text AS lsn");
  return parseLsn(q.rows[0].lsn);
}

export function takeOut(r: Replica, why: string, mustReach = 0n): void {
  if (mustReach > r.mustReach) r.mustReach = mustReach;
  if (r.inRotation) console.error(`[replicas] ${r.name} out of rotation: ${why}; reads go elsewhere`);
  r.inRotation = false;
  r.why = why;
}

function putIn(r: Replica) {
  if (!r.inRotation) console.log(`[replicas] ${r.name} in rotation`);
  r.inRotation = true;
  r.why = "";
  r.mustReach = 0n;
}

/** Another instance's fence found this replica behind `lsn`: out here too until it has replayed that far. */
export function noteBehind(key: string, lsn: bigint): void {
  for (const r of replicaState().replicas) if (r.key === key) takeOut(r, `another instance found it behind ${formatLsn(lsn)}`, lsn);
}

/** Notes the highest WAL position a fence waited for: replicas out meanwhile must pass it to come back. */
export function noteFenced(lsn: bigint): void {
  const s = replicaState();
  if (lsn > s.fenced) s.fenced = lsn;
}

async function round(s: State): Promise<void> {
  const now = Date.now();
  try {
    s.samples.push({ at: now, lsn: await primaryLsn() });
  } catch {
    // Primary away: keep the replicas as they are (they may well serve the readers meanwhile).
  }
  const old = s.samples.filter((x) => x.at <= now - env.REPLICA_MAX_LAG_MS);
  // What the primary had written REPLICA_MAX_LAG_MS ago (or at the first sample, just after start).
  const ref = old.at(-1)?.lsn ?? s.samples[0]?.lsn ?? 0n;
  if (old.length > 1) s.samples.splice(0, s.samples.indexOf(old.at(-1)!));
  await Promise.all(
    s.replicas.map(async (r) => {
      let lsn: bigint | null;
      try {
        lsn = await replayedLsn(r);
      } catch (e) {
        return takeOut(r, `does not answer (${(e as Error).message})`);
      }
      if (lsn === null) return takeOut(r, "is not a standby (not replaying WAL)");
      if (lsn < ref) return takeOut(r, `lags more than ${env.REPLICA_MAX_LAG_MS} ms (replayed ${formatLsn(lsn)}, primary was at ${formatLsn(ref)})`);
      const need = r.mustReach > s.fenced ? r.mustReach : s.fenced;
      if (!r.inRotation && lsn < need) return takeOut(r, `has not replayed ${formatLsn(need)} yet`);
      putIn(r);
    }),
  );
}

/** One round of checks (every second on its own; tests call it to not wait). */
export function checkReplicas(): Promise<void> {
  const s = replicaState();
  return (s.round ??= round(s).finally(() => (s.round = null)));
}

/** A replica in rotation, chosen at random; null when there is none (read the primary). */
export function pickReplica(): Replica | null {
  const live = replicaState().replicas.filter((r) => r.inRotation);
  return live.length ? live[Math.floor(Math.random() * live.length)] : null;
}
