// Bounded by design, against the production server: 5,000 requests for things that do not
// exist (any kind of URL an anonymous client can make) leave the build folder's files as they
// were and the server's heap within its caches' bounds; the 조회 beacon and search are limited
// per address.
//
// The shared e2e server runs with very high limits (every test file's browser is 127.0.0.1),
// so this file starts a server of its own from the same build and database with the
// production defaults, and the only traffic it gets is this file's. Requests leave from their
// own loopback addresses (127.0.0.0/8 is all this machine), so each stands for another client.
import { spawnSync } from "node:child_process";
import http from "node:http";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { copyBuild, startNextServer, type NextServer } from "../../scripts/lib/next-server";

const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(() => pool.end());
const DIST_DIR = ".next-e2e-bounded";
let server: NextServer;
let base: URL;
let logs = "";
beforeAll(async () => {
  copyBuild(".next-e2e", DIST_DIR);
  logs = mkdtempSync(join(tmpdir(), "portal-bounded-"));
  const env: NodeJS.ProcessEnv = { NODE_ENV: "production", ...inject("serverEnv"), NEXT_DIST_DIR: DIST_DIR };
  // Its inspector (loopback, a port the kernel picks) lets the test collect garbage before it
  // reads the heap: what the flood left behind, not what the collector had not reached yet.
  env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --inspect=127.0.0.1:0`.trim();
  delete env.SEARCH_LIMIT_PER_MINUTE; // the defaults, as in production
  delete env.VIEW_BEACONS_PER_10_MINUTES;
  server = await startNextServer({ env, logFile: join(logs, "server.log") });
  base = new URL(server.url);
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(DIST_DIR, { recursive: true, force: true });
  if (logs) rmSync(logs, { recursive: true, force: true });
});
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await pool.query<T>(text, params)).rows;
}

const agents = new Map<string, http.Agent>();
/** One request from `from` (a loopback address); resolves with the status once the body is read. */
function request(path: string, from: string, method = "GET"): Promise<number> {
  let agent = agents.get(from);
  if (!agent) agents.set(from, (agent = new http.Agent({ keepAlive: true, maxSockets: 32, localAddress: from })));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, path, method, agent, headers: { "user-agent": BROWSER } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}
afterAll(() => agents.forEach((a) => a.destroy()));

/** Files and bytes under the server's build folder (its ISR entries and data cache live there). */
function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const s = statSync(join(dir, name), { throwIfNoEntry: false });
    if (s?.isFile()) {
      files++;
      bytes += s.size;
    }
  }
  return { files, bytes };
}

/** The next-server's heap after a full collection, through its inspector (see heap-after-gc.mjs). */
function retainedHeap(): number {
  const urls = [...server.log(100_000).matchAll(/Debugger listening on (ws:\/\/\S+)/g)].map((m) => m[1]);
  for (const url of urls) {
    const r = spawnSync(process.execPath, ["--experimental-websocket", "tests/support/heap-after-gc.mjs", url], { encoding: "utf8", timeout: 60_000 });
    if (r.status !== 0) continue; // npx's inspector, gone once it handed over
    const m = JSON.parse(r.stdout) as { title: string; heapUsed: number };
    if (m.title.startsWith("next-server")) return m.heapUsed;
  }
  throw new Error(`no next-server inspector among ${urls.join(", ") || "none"}`);
}
const rssBytes = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024;

/** The n-th URL of the flood: every kind of URL a client can make up, none of which exists. */
function missingUrl(n: number, ctx: { article: number; slug: string; legacyBoard: string }): { path: string; method?: string } {
  const k = 1_000_000 + n; // beyond every id, page number and legacy id of the seed
  const month = `${String(1000 + (n % 900)).padStart(4, "0")}-${String((n % 12) + 1).padStart(2, "0")}`;
  const urls = [
    { path: `/articles/${k}` },
    { path: `/articles/${k}/comments/p/2` },
    { path: `/articles/${ctx.article}/comments/p/${k}` },
    { path: `/archive?page=${k}` },
    { path: `/archive/p/${k}` },
    { path: `/categories/${ctx.slug}?page=${k}` },
    { path: `/categories/no-such-${k}` },
    { path: `/categories/no-such-${k}/rss.xml` },
    { path: `/board/read/${ctx.legacyBoard}/${k}/x` },
    { path: `/board/read/board${k}` },
    { path: `/media-crop/4x3/2020/01/missing-${k}.jpg` },
    { path: `/media/2020/01/missing-${k}.webp` },
    { path: `/sitemaps/articles-${month}${n % 3 ? "" : `-${(n % 97) + 2}`}.xml` },
    { path: `/search?q=${encodeURIComponent(`없는말${k}`)}&page=${(n % 5) + 1}` },
    { path: `/api/views/${k}`, method: "POST" },
    { path: `/no/such/page/${k}` },
  ];
  return urls[n % urls.length];
}

async function flood(count: number, from: string, offset: number, ctx: Parameters<typeof missingUrl>[1]): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  const BATCH = 10;
  for (let i = 0; i < count; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => missingUrl(offset + i + j, ctx));
    for (const s of await Promise.all(batch.map((u) => request(u.path, from, u.method)))) statuses[s] = (statuses[s] ?? 0) + 1;
  }
  return statuses;
}

describe("bounded by design", () => {
  it(
    "5,000 requests for things that do not exist add no file, and no memory beyond bounded caches",
    async () => {
      const [{ id: article }] = await sql<{ id: number }>(`SELECT id FROM articles WHERE status = 'PUBLISHED' AND deleted_at IS NULL ORDER BY id LIMIT 1`);
      const [{ slug }] = await sql<{ slug: string }>(`SELECT slug FROM sections WHERE NOT hidden ORDER BY position LIMIT 1`);
      const boards = await sql<{ b: string }>(`SELECT legacy_board AS b FROM sections WHERE legacy_board IS NOT NULL LIMIT 1`);
      const ctx = { article, slug, legacyBoard: boards[0]?.b ?? "news" };
      const pid = server.pid;
      const from = "127.0.0.77";

      // Warm up first: the server loads each route's code on its first request, and V8 grows
      // its heap to the size these parallel renders need (measured: +200 MB in the first
      // 2,000, then flat). What must not grow is what stays after that.
      await flood(2000, from, 0, ctx);
      const files0 = folderSize(DIST_DIR);
      const rss0 = rssBytes(pid);
      const heap0 = retainedHeap();

      const statuses = await flood(5000, from, 2000, ctx);
      const files1 = folderSize(DIST_DIR);
      const rss1 = rssBytes(pid);
      const heap1 = retainedHeap();
      const mb = (b: number) => (b / 2 ** 20).toFixed(1);
      console.log(`[bounded] statuses ${JSON.stringify(statuses)}; files ${files0.files} → ${files1.files}, bytes ${files0.bytes} → ${files1.bytes}; heap after GC ${mb(heap0)} → ${mb(heap1)} MB; RSS ${mb(rss0)} → ${mb(rss1)} MB`);

      // Every answer says "not there" (a search's first page says "no results" with 200; 429
      // once the address has searched too often); nothing failed.
      expect(Object.keys(statuses).map(Number).every((s) => [200, 301, 404, 429].includes(s)), JSON.stringify(statuses)).toBe(true);
      expect(statuses[404]).toBeGreaterThan(4000);
      expect(files1.files - files0.files).toBe(0);
      expect(files1.bytes - files0.bytes).toBeLessThanOrEqual(0);
      // What stays after a full collection. Reader caches live in memory up to their cap
      // (lib/cache/local-cache-handler.mjs, 50 MB), and Next keeps small bounded caches of its
      // own: measured +7 to +12 MB over the first 5,000 and then less each round (+4.7, +2.5 MB
      // for the next two). A page cached per missing URL (20-50 kB each) would be 100-250 MB.
      // RSS is only logged: it also holds heap the collector keeps for later and moves with
      // the machine's load (+33 to +207 MB in runs of this very test).
      expect(heap1 - heap0).toBeLessThan(32 * 2 ** 20);
    },
    240_000,
  );
});

describe("per-address limits", () => {
  it("search: 30 a minute per address, then a Korean 429 page; other addresses go on", async () => {
    const q = `/search?q=${encodeURIComponent("경제")}`;
    // A fresh address: its first 30 pass whatever the clock; 61 span at most two windows, so
    // some of them must be refused.
    const statuses: number[] = [];
    for (let i = 0; i < 61; i += 10) statuses.push(...(await Promise.all(Array.from({ length: Math.min(10, 61 - i) }, () => request(q, "127.0.0.88")))));
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(60);
    expect(await request(q, "127.0.0.89")).toBe(200);
    expect(await request("/search", "127.0.0.88")).toBe(200); // the empty form runs no search

    const res = await fetchFrom429(q, "127.0.0.88");
    expect(res.status).toBe(429);
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    expect(res.body).toContain("검색 요청이 너무 많습니다");
  });

  it("조회: 1,000 beacons from one address add 1, a second address adds 1 more", async () => {
    const [{ id, v }] = await sql<{ id: number; v: number }>(
      `SELECT id, view_count AS v FROM articles WHERE status = 'PUBLISHED' AND deleted_at IS NULL ORDER BY id DESC OFFSET 20 LIMIT 1`,
    );
    const statuses: number[] = [];
    for (let i = 0; i < 1000; i += 50) {
      statuses.push(...(await Promise.all(Array.from({ length: 50 }, () => request(`/api/views/${id}`, "127.0.0.99", "POST")))));
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const [{ v: after }] = await sql<{ v: number }>(`SELECT view_count AS v FROM articles WHERE id = $1`, [id]);
    expect(after).toBe(v + 1);
    expect(await request(`/api/views/${id}`, "127.0.0.100", "POST")).toBe(200);
    const [{ v: again }] = await sql<{ v: number }>(`SELECT view_count AS v FROM articles WHERE id = $1`, [id]);
    expect(again).toBe(v + 2);
  });
});

/** Status, headers and body, for a request the search limit refuses. */
function fetchFrom429(path: string, from: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: base.hostname, port: base.port, path, localAddress: from, headers: { "user-agent": BROWSER } }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on("error", reject);
  });
}
