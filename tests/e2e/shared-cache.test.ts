// Two production servers of one build (copies of .next-e2e, as two machines would have) share
// one real Redis through REDIS_URL: an article published through instance A (the scheduler's
// publish-due route, which revalidates its tags) is on instance B's section page and home page
// as soon as A's revalidation is done, although B had those pages cached for an hour and five
// minutes; an editor's save in A's newsroom (updateTag) is on B's article page at the very next
// request.
// With Redis stopped both keep serving; once it is back they share again by themselves.
// The two servers run on a throwaway database of their own: what they publish never reaches
// the shared e2e server's pages, whose counts other files assert.
import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { copyBuild, startNextServer, type NextServer } from "../../scripts/lib/next-server";
import { startRedis, type RunningRedis } from "../../scripts/lib/services/redis";
import { createUserAt } from "../../lib/auth/bootstrap";
import { hydrated, signInThrough, withPage } from "../support/browser";
import { holdPort, type HeldPort } from "../support/held-port";
import { seededCluster, type SeededCluster } from "../support/seeded-cluster";
import { endPool } from "../support/db";

let db: SeededCluster;
let pool: pg.Pool;
const run = randomBytes(3).toString("hex");
// One session secret for both servers, so that one sign-in is valid on each, as on instances
// behind one proxy.
const SESSION_SECRET = randomBytes(32).toString("base64url");
// The site's public address (SITE_URL, where sign-in sends the browser back): A's, held.
let site: HeldPort;
const DIRS = [".next-e2e-shared-a", ".next-e2e-shared-b"];
let redis: RunningRedis;
let a: NextServer;
let b: NextServer;
let logs = "";
let section: { id: number; slug: string };

beforeAll(async () => {
  logs = mkdtempSync(join(tmpdir(), "portal-shared-cache-"));
  chmodSync(logs, 0o755); // as root, PostgreSQL runs as `postgres`, who must reach db/ inside
  db = await seededCluster(join(logs, "db"), { articles: 30 });
  pool = new pg.Pool({ connectionString: db.databaseUrl, max: 2 });
  redis = await startRedis({ dir: join(logs, "redis") });
  site = await holdPort();
  const env = (dir: string): NodeJS.ProcessEnv => ({
    NODE_ENV: "production",
    ...inject("serverEnv"),
    DATABASE_URL: db.databaseUrl,
    UPLOAD_DIR: db.uploadDir,
    SITE_URL: `http://127.0.0.1:${site.port}`,
    NEXT_DIST_DIR: dir,
    REDIS_URL: redis.url,
    NEXTAUTH_SECRET: SESSION_SECRET,
    COMMENT_IP_SECRET: `shared-cache-ip-${run}-secret`,
  });
  for (const dir of DIRS) copyBuild(".next-e2e", dir);
  [a, b] = await Promise.all(DIRS.map((dir, i) => startNextServer({ env: env(dir), logFile: join(logs, `server-${"ab"[i]}.log`) })));
  site.forwardTo(a.port);
  section = (await pool.query("SELECT id, slug FROM sections WHERE NOT hidden ORDER BY position, id LIMIT 1")).rows[0];
}, 180_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await site?.close();
  await redis?.stop();
  if (pool) await endPool(pool);
  await db?.pg.stop();
  for (const dir of DIRS) rmSync(dir, { recursive: true, force: true });
  if (logs) rmSync(logs, { recursive: true, force: true });
});

/**
 * A scheduled article, as the newsroom's scheduling leaves it, due in a day: no instance's own
 * timer (which fires at start for overdue articles, and on its wake-ups) can publish it while
 * a test is still warming B's cache. dueNow() moves it to the past just before publish-due.
 */
async function scheduledArticle(title: string): Promise<number> {
  return (
    await pool.query(
      `INSERT INTO articles (section_id, title, subtitle, excerpt, body, source_name, status, published_at, updated_at)
       VALUES ($1, $2, '', '요약', '<p>공유 캐시 본문.</p>', '해란강뉴스', 'SCHEDULED', now() + interval '1 day', now()) RETURNING id`,
      [section.id, title],
    )
  ).rows[0].id;
}
const dueNow = (id: number) => pool.query("UPDATE articles SET published_at = now() - interval '1 second' WHERE id = $1", [id]);

/** What lib/scheduler.ts sends: the scheduler's key derived from the session secret (lib/auth/secret.ts). */
async function publishDueThrough(server: NextServer): Promise<number[]> {
  const key = createHmac("sha256", SESSION_SECRET).update("scheduler").digest("base64url");
  const r = await fetch(`${server.url}/admin/publish-due`, { method: "POST", headers: { "x-portal-scheduler": key } });
  expect(r.status).toBe(200);
  return ((await r.json()) as { published: number[] }).published;
}

const page = async (server: NextServer, path: string) => {
  const r = await fetch(server.url + path);
  return { status: r.status, cache: r.headers.get("x-nextjs-cache"), html: await r.text() };
};

describe("two instances, one Redis", () => {
  it("an article published through A is on B's cached pages as soon as A has revalidated", async () => {
    const title = `공유 캐시 기사 ${run}`;
    const id = await scheduledArticle(title);
    const list = `/categories/${section.slug}`;
    // B has both pages cached (a hit: without a shared cache it would keep them for 1 h and 5 min).
    for (const path of [list, "/"]) {
      await page(b, path);
      const cached = await page(b, path);
      expect(cached.status).toBe(200);
      expect(cached.cache, path).toBe("HIT");
      expect(cached.html).not.toContain(title);
    }
    const buildId = readFileSync(join(DIRS[0], "BUILD_ID"), "utf8").trim();
    expect(redis.cli("--scan", "--pattern", `portal:${buildId}:*`)).toContain(`portal:${buildId}:`);

    await dueNow(id);
    expect(await publishDueThrough(a)).toContain(id);
    // A Route Handler's revalidateTag runs beside its answer (Next's waitUntil), not before it,
    // so B is asked until it shows the article; without the shared cache it would not for an hour.
    let asked = 0;
    for (const path of [list, "/"]) {
      await expect.poll(async () => (asked++, (await page(b, path)).html.includes(title)), { timeout: 10_000, interval: 20 }).toBe(true);
    }
    console.log(`[shared-cache] B showed A's publication after ${asked} requests (2 pages)`);
    expect((await page(b, `/articles/${id}`)).html).toContain(title);

    // For the README: what one cached page costs in Redis (logged, not asserted).
    await page(b, `/articles/${id}`);
    const sizes = redis
      .cli("--scan", "--pattern", `portal:${buildId}:*`)
      .split("\n")
      .filter((k) => /\/articles\/\d+$|\/categories\/|\/index$/.test(k))
      .map((k) => `${k.slice(`portal:${buildId}:`.length)} ${redis.cli("MEMORY", "USAGE", k)} B`);
    console.log(`[shared-cache] Redis memory per page: ${sizes.join("; ")}; used_memory ${/used_memory:(\d+)/.exec(redis.cli("INFO", "memory"))?.[1]} B`);
  });

  it("an editor's save through A's newsroom is on B at the very next request", async () => {
    const editor = { email: `shared-${run}@example.com`, password: `shared-${run}-password`, role: "EDITOR" as const, name: "공편집" };
    await createUserAt(db.databaseUrl, editor);
    const id = (
      await pool.query(
        `INSERT INTO articles (section_id, title, subtitle, excerpt, body, source_name, status, published_at, updated_at)
         VALUES ($1, $2, '', '요약', '<p>고치기 전 본문.</p>', '해란강뉴스', 'PUBLISHED', now(), now()) RETURNING id`,
        [section.id, `고치기 전 제목 ${run}`],
      )
    ).rows[0].id;
    const path = `/articles/${id}`;
    await page(b, path);
    const before = await page(b, path);
    expect(before.cache).toBe("HIT");
    expect(before.html).toContain(`고치기 전 제목 ${run}`);

    await withPage(async (p) => {
      const edit = `/admin/articles/${id}/edit`;
      await signInThrough(p, a.url, editor, edit);
      await hydrated(p, "form.article-form");
      await p.fill("#f-title", `고친 제목 ${run}`);
      await p.click("button[name=intent][value=save]");
      await expect.poll(() => p.textContent(".save-box .form-message"), { timeout: 20_000 }).toBe("저장했습니다.");
    });
    // updateTag in a Server Action is done before the action answers: no waiting here.
    const after = await page(b, path);
    expect(after.html).toContain(`고친 제목 ${run}`);
    expect(after.html).not.toContain(`고치기 전 제목 ${run}`);
  });

  it("Redis stopped: both keep serving; started again: they share again by themselves", async () => {
    const list = `/categories/${section.slug}`;
    await redis.stop();
    for (const server of [a, b]) {
      for (const path of ["/", list, "/archive"]) expect((await page(server, path)).status, `${path} while Redis is down`).toBe(200);
    }
    await redis.restart();
    const title = `복구 뒤 기사 ${run}`;
    const id = await scheduledArticle(title);
    // B caches its list again, in Redis once it is back (until then in its own memory).
    await expect
      .poll(async () => {
        await page(b, list);
        return redis.cli("--scan", "--pattern", "portal:*").includes(list);
      }, { timeout: 30_000, interval: 250 })
      .toBe(true);
    expect((await page(b, list)).html).not.toContain(title);
    await dueNow(id);
    expect(await publishDueThrough(a)).toContain(id);
    await expect.poll(async () => (await page(b, list)).html.includes(title), { timeout: 10_000, interval: 20 }).toBe(true);
    // Once per outage in each server's log, never per request.
    for (const [name, server] of [["A", a], ["B", b]] as const) {
      const log = server.log(100_000);
      expect(log.match(/\[cache\] Redis unavailable/g)?.length, `${name}: ${log}`).toBe(1);
      expect(log.match(/\[cache\] Redis is back/g)?.length, `${name}: ${log}`).toBe(1);
    }
  });
});
