// A production server with a real streaming replica (DATABASE_REPLICA_URLS): its reader pages
// are rendered from the replica, and when the replica stops, readers get their pages from the
// primary without a single 5xx (and without the 503 of a database outage). Its own database,
// replica and copy of the e2e build, so the shared server is not affected.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type RunningPostgres } from "../../lib/server/embedded-postgres";
import { migrate } from "../../lib/server/migrate";
import { copyBuild, startNextServer, type NextServer } from "../../scripts/lib/next-server";
import { startReplica, type RunningReplica } from "../../scripts/lib/services/pg-replica";
import { assertLocalDatabase } from "../support/db";

const BUILD = ".next-e2e";
const COPY = ".next-e2e-replica";
let dir: string;
let primary: RunningPostgres;
let replica: RunningReplica;
let server: NextServer;
let logFile: string;

async function sql<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}
/** A copy of a published article under a new id, written on the primary (no page has it cached). */
async function newArticle(id: number) {
  await sql(primary.url, `CREATE TEMP TABLE t AS SELECT * FROM articles WHERE status = 'PUBLISHED' AND deleted_at IS NULL ORDER BY id LIMIT 1;
             UPDATE t SET id = ${id}, legacy_id = NULL; INSERT INTO articles SELECT * FROM t;`);
}
const status = async (path: string) => (await fetch(`${server.url}${path}`, { redirect: "manual", signal: AbortSignal.timeout(30_000) })).status;
const replicaHas = async (id: number) => (await sql(replica.urlFor(primary.url), "SELECT 1 FROM articles WHERE id = $1", [id])).length === 1;
const until = async (what: string, ok: () => Promise<boolean> | boolean, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${server?.log(40)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

beforeAll(async () => {
  if (!existsSync(join(BUILD, "BUILD_ID"))) throw new Error(`no build in ${BUILD}/ (the e2e global setup makes it)`);
  dir = mkdtempSync(join(tmpdir(), "portal-replica-"));
  chmodSync(dir, 0o755); // as root the servers run as `postgres`, who must reach the folders inside
  primary = await startEmbeddedPostgres({ dir: join(dir, "primary"), persistent: false, quiet: true });
  assertLocalDatabase(primary.url);
  await migrate(primary.appUrl);
  const { seedDatabase } = await import("../../lib/seed/index");
  const uploadDir = join(dir, "uploads");
  await seedDatabase(primary.appUrl, { articles: 30, uploadDir, log: () => {} });
  replica = await startReplica({ superuserUrl: primary.url, dir: join(dir, "replica"), name: "e2e" });
  copyBuild(BUILD, COPY);
  logFile = join(dir, "server.log");
  server = await startNextServer({
    env: {
      ...process.env,
      DATABASE_URL: primary.appUrl,
      DATABASE_REPLICA_URLS: replica.urlFor(primary.appUrl),
      // Lag never takes it out here: the paused replay below must keep being read.
      REPLICA_MAX_LAG_MS: "600000",
      UPLOAD_DIR: uploadDir,
      NEXT_DIST_DIR: COPY,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    logFile,
  });
  // The first reader query (search is never cached) starts the replica checks; the server
  // says when the replica is in rotation.
  expect(await status(`/search?q=${encodeURIComponent("연길")}`)).toBe(200);
  await until("the replica in rotation", () => readFileSync(logFile, "utf8").includes("in rotation"));
}, 600_000);

afterAll(async () => {
  await server?.close();
  await replica?.destroy().catch(() => {});
  await primary?.stop();
  rmSync(COPY, { recursive: true, force: true });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a server with a read replica", () => {
  it("renders reader pages from the replica: an article its replay has not reached is not there yet", async () => {
    await sql(replica.urlFor(primary.url), "SELECT pg_wal_replay_pause()");
    try {
      await newArticle(910_001);
      expect(await status("/articles/910001")).toBe(404);
    } finally {
      await sql(replica.urlFor(primary.url), "SELECT pg_wal_replay_resume()");
    }
    await newArticle(910_002);
    await until("the replica to replay the article", () => replicaHas(910_002));
    expect(await status("/articles/910002")).toBe(200);
  });

  it("serves every reader page from the primary while the replica is stopped, without a 5xx", async () => {
    await newArticle(910_003);
    await until("the replica to replay the article", () => replicaHas(910_003));
    await replica.stop();
    // Not rendered before: the failing replica query runs again on the primary.
    expect(await status("/articles/910003")).toBe(200);
    for (const path of ["/", "/rss.xml", "/sitemap.xml", "/archive/p/2", `/search?q=${encodeURIComponent("도문")}`]) expect(await status(path), path).toBeLessThan(500);
    await replica.restart();
  });
});
