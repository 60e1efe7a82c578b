// Read replicas with a real streaming replica of the test cluster (scripts/lib/services/pg-replica.ts):
// reader queries are answered by the replica, writes by the primary; the fence after a write
// returns once the replica has replayed it (or takes a replica that cannot out of rotation);
// a replica that stops answering costs readers nothing: their queries run on the primary.
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject, vi } from "vitest";
import { startReplica, type RunningReplica } from "../../scripts/lib/services/pg-replica";
import { adminFixture, insertArticle, type Fixture } from "./admin-fixtures";

let f: Fixture;
let replica: RunningReplica;
let replicaSuper: string; // the replica as superuser (pausing and resuming its replay)
let rd: typeof import("../../lib/read-db");
let set: typeof import("../../lib/replicas/set");
let fence: typeof import("../../lib/replicas/fence");
let db: typeof import("../../lib/db").db;
let feeds: typeof import("../../lib/data/feeds");
let sitemaps: typeof import("../../lib/data/sitemaps");

async function onReplica<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: replicaSuper });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}
const pauseReplay = () => onReplica("SELECT pg_wal_replay_pause()");
const resumeReplay = () => onReplica("SELECT pg_wal_replay_resume()");
const replicaHas = async (id: number) => (await onReplica("SELECT 1 FROM articles WHERE id = $1", [id])).length === 1;
const readerInRecovery = async () => (await rd.readDb.$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`)[0].r;
const inRotation = () => set.replicaState().replicas[0].inRotation;

/** Until the (manual) health check puts the replica in rotation. */
async function backInRotation() {
  await vi.waitFor(
    async () => {
      await set.checkReplicas();
      if (!inRotation()) throw new Error(`replica not in rotation: ${set.replicaState().replicas[0].why}`);
    },
    { timeout: 30_000, interval: 100 },
  );
}

beforeAll(async () => {
  f = await adminFixture("int_replicas");
  replica = await startReplica({ superuserUrl: inject("databaseUrl"), dir: join(inject("tmpDir"), "replica"), name: "int" });
  replicaSuper = replica.urlFor(f.url);
  process.env.DATABASE_REPLICA_URLS = replica.urlFor(f.url);
  process.env.REPLICA_MAX_LAG_MS = "5000";
  rd = await import("../../lib/read-db");
  set = await import("../../lib/replicas/set");
  fence = await import("../../lib/replicas/fence");
  ({ db } = await import("../../lib/db"));
  feeds = await import("../../lib/data/feeds");
  sitemaps = await import("../../lib/data/sitemaps");
  // The once-a-second health check would race the pauses below; the tests run it themselves.
  clearInterval(set.replicaState().timer!);
  await backInRotation();
}, 180_000);

afterAll(async () => {
  await resumeReplay().catch(() => {});
  await replica?.destroy();
});

describe("reads and writes", () => {
  it("reader queries are answered by the replica, and the app's writes by the primary", async () => {
    expect(await readerInRecovery()).toBe(true);
    expect((await db.$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`)[0].r).toBe(false);
    // A write through an admin action works (a replica would refuse it: read-only transaction).
    const { runAction } = await import("../../lib/actions/safe-action");
    const st = await import("../../lib/actions/core/article-status");
    const id = await insertArticle(f, { status: "DRAFT", title: "초안" });
    expect(await runAction(st.publishArticle, f.editor, { id: String(id) })).toMatchObject({ ok: true });
  });

  it("the reader modules read the replica: with its replay paused they do not see a new article, the primary does", async () => {
    await fence.awaitReplicas();
    await pauseReplay();
    try {
      const id = await insertArticle(f, { title: "복제 대기 중인 기사" });
      expect((await db.article.findUnique({ where: { id } }))?.title).toBe("복제 대기 중인 기사");
      expect((await feeds.readFeedItems(null)).map((x) => x.id)).not.toContain(id);
    } finally {
      await resumeReplay();
    }
  });
});

describe("the fence before revalidation", () => {
  it("returns only once the replica has replayed the write", async () => {
    await pauseReplay();
    const id = await insertArticle(f, { title: "방금 고친 기사" });
    let returned = false;
    const done = fence.awaitReplicas().then(async () => {
      returned = true;
      return replicaHas(id);
    });
    // While replay is paused the fence keeps waiting (REPLICA_MAX_LAG_MS is 5 s here).
    await new Promise((r) => setTimeout(r, 300));
    expect(returned).toBe(false);
    await resumeReplay();
    expect(await done).toBe(true);
    expect(inRotation()).toBe(true);
    expect((await feeds.readFeedItems(null)).map((x) => x.id)).toContain(id);
  });

  it("takes a replica that does not catch up out of rotation until it has; readers meanwhile read the primary", async () => {
    await pauseReplay();
    const id = await insertArticle(f, { title: "늦은 복제" });
    await fence.awaitReplicas(); // gives up after REPLICA_MAX_LAG_MS
    expect(inRotation()).toBe(false);
    expect(await readerInRecovery()).toBe(false);
    expect((await feeds.readFeedItems(null)).map((x) => x.id)).toContain(id);
    // Still behind: the health check keeps it out.
    await set.checkReplicas();
    expect(inRotation()).toBe(false);
    await resumeReplay();
    await backInRotation();
    expect(await readerInRecovery()).toBe(true);
    expect((await feeds.readFeedItems(null)).map((x) => x.id)).toContain(id);
  });
});

describe("a replica that goes away", () => {
  it("costs readers nothing: their queries run on the primary, and it returns once it is back", async () => {
    const want = (await feeds.readFeedItems(null)).map((x) => x.id);
    const months = await sitemaps.readMonthBuckets();
    await replica.stop();
    // Before any health check has noticed: the failing query itself moves to the primary.
    expect((await feeds.readFeedItems(null)).map((x) => x.id)).toEqual(want);
    expect(await sitemaps.readMonthBuckets()).toEqual(months);
    expect(inRotation()).toBe(false);
    expect(await readerInRecovery()).toBe(false);
    await replica.restart();
    await backInRotation();
    expect(await readerInRecovery()).toBe(true);
  });
});

describe("another instance's fence", () => {
  it("a replica another instance found behind leaves this instance's rotation too, until it has replayed that far", async () => {
    const events = await import("../../lib/events/instance");
    const listener = events.startEvents()!;
    try {
      await vi.waitFor(() => expect(listener.connected()).toBe(true), { timeout: 20_000, interval: 50 });
      expect(inRotation()).toBe(true);
      const key = set.replicaState().replicas[0].key;
      // What another instance's fence sends: this replica, and a position it has not reached.
      await db.$executeRaw`SELECT pg_notify('portal_replicas', ${key} || ' ' || (pg_current_wal_lsn() + 1000000000)::text)`;
      await vi.waitFor(() => expect(inRotation()).toBe(false), { timeout: 10_000, interval: 20 });
      await set.checkReplicas();
      expect(inRotation()).toBe(false);
      expect(await readerInRecovery()).toBe(false);
    } finally {
      await events.stopEvents();
    }
  });
});
