// While PostgreSQL is away: cached pages keep serving, an uncached page answers a Korean 503
// with Retry-After, a comment is refused with a message and the form keeps the text, nothing
// is written; when the database is back the same server answers normally, without a restart.
// Runs its own server and database (tests/e2e/db-down-server.ts), started with an https
// SITE_URL so that HSTS can be checked too.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hydrated, withPage } from "../support/browser";
import { raw } from "./hostile-http";
import { startOutageRig, type OutageRig } from "./db-down-server";

const NEW_ID = 900_001; // an article no server has rendered yet
let rig: OutageRig;
let cachedId: number;

const sql = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => {
  const c = new pg.Client({ connectionString: rig.databaseUrl });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
};

beforeAll(async () => {
  rig = await startOutageRig({ articles: 40, siteUrl: "https://news.example" });
  // A copy of a published article under a fresh id: certainly not in any page cache.
  await sql(`CREATE TEMP TABLE t AS SELECT * FROM articles WHERE status = 'PUBLISHED' AND deleted_at IS NULL ORDER BY id LIMIT 1;
             UPDATE t SET id = ${NEW_ID}, legacy_id = NULL; INSERT INTO articles SELECT * FROM t;`);
  [{ id: cachedId }] = await sql<{ id: number }>(`SELECT id FROM articles WHERE status = 'PUBLISHED' AND deleted_at IS NULL AND id <> ${NEW_ID} ORDER BY id DESC LIMIT 1`);
}, 600_000);

afterAll(async () => {
  await rig?.close();
});

describe("when PostgreSQL is unreachable", () => {
  it("serves cached pages, answers 503 for the rest, refuses comments kindly and recovers without a restart", async () => {
    const base = rig.baseUrl;
    const cached = await raw(base, "GET", `/articles/${cachedId}`); // now in this server's page cache
    expect(cached.status).toBe(200);
    // SITE_URL is https here: HSTS on every answer.
    expect(cached.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");

    const nickname = "정전시험";
    const body = `디비가 멈춘 동안 쓴 댓글 ${Date.now().toString(36)}`;
    await withPage(async (page) => {
      const res = await page.goto(`${base}/articles/${cachedId}`, { waitUntil: "load" });
      expect(res?.status()).toBe(200);
      await hydrated(page, "#comment-form");

      await rig.stopDatabase();

      const down = await raw(base, "GET", `/articles/${NEW_ID}`);
      expect(down.status, rig.log()).toBe(503);
      expect(down.headers["retry-after"]).toBe("30");
      expect(down.headers["cache-control"]).toBe("no-store");
      expect(down.body).toContain("잠시 서비스를 이용할 수 없습니다");
      expect((await raw(base, "GET", `/articles/${cachedId}`)).status).toBe(200);
      expect((await raw(base, "GET", "/api/health")).status).toBe(503);

      await page.getByLabel("닉네임").fill(nickname);
      await page.getByLabel("댓글 내용").fill(body);
      await page.getByLabel("인증코드").fill("1234");
      await page.getByRole("button", { name: "댓글 올리기" }).click();
      await page.waitForSelector(".comment-status.error:not(:empty)");
      expect(await page.locator(".comment-status").innerText()).toContain("댓글을 받을 수 없습니다");
      expect(await page.getByLabel("닉네임").inputValue()).toBe(nickname);
      expect(await page.getByLabel("댓글 내용").inputValue()).toBe(body);
    });

    await rig.startDatabase();
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await raw(base, "GET", `/articles/${NEW_ID}`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(status, rig.log()).toBe(200);
    expect((await sql<{ n: string }>(`SELECT count(*) AS n FROM comments WHERE body = $1`, [body]))[0].n).toBe("0");
  });
});
