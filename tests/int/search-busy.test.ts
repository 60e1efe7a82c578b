// Search when every pooled connection is taken (issue 14: at 50 connections search answered
// 500 "Unable to start a transaction in the given time"). Through the app's own search
// (lib/data/search.ts, Prisma on a pool of one connection): the search that cannot get a
// connection in time is recognised as load, which the server turns into 503 + Retry-After
// (lib/http/server-hooks.ts), not as a bug (500) nor as an outage; the one that waited
// answers normally, and nothing is left held.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase } from "../support/db";
import { parseQuery } from "@/lib/search/query";
import { isDatabaseBusy, isDatabaseUnreachable } from "@/lib/db-errors";
import { databaseRecentlyBusy, databaseRecentlyUnreachable } from "@/lib/http/db-outage";

let locker: pg.Client;
let search: typeof import("@/lib/data/search");
let articleId: number;

beforeAll(async () => {
  const url = await migratedDatabase("int_search_busy");
  process.env.DATABASE_URL = url;
  process.env.DB_POOL_MAX = "1";
  locker = new pg.Client({ connectionString: url });
  await locker.connect();
  await locker.query(`INSERT INTO sections (slug, name) VALUES ('news', '뉴스')`);
  const r = await locker.query<{ id: number }>(
    `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at)
     VALUES ((SELECT min(id) FROM sections), '연길 학교 운동회', '', '<p>본문</p>', '해란강뉴스', 'PUBLISHED', now(), now()) RETURNING id`,
  );
  articleId = r.rows[0].id;
  search = await import("@/lib/data/search");
});
afterAll(async () => {
  await locker?.query("ROLLBACK").catch(() => {});
  await locker?.end();
  delete process.env.DB_POOL_MAX;
});

describe("search with every connection busy", () => {
  it("gives up waiting as 'busy' (a 503 for the reader), and the waiting search still answers", async () => {
    const q = parseQuery("학교");
    expect((await search.searchArticles(q, 1, null))?.items.map((i) => i.id)).toEqual([articleId]);
    expect(databaseRecentlyBusy()).toBe(false);

    // A writer holds the table: the first search takes the pool's one connection and waits on it.
    await locker.query("BEGIN");
    await locker.query("LOCK TABLE article_search IN ACCESS EXCLUSIVE MODE");
    const first = search.searchArticles(q, 1, null);
    const second = await search.searchArticles(q, 1, null).then(
      () => null,
      (e: unknown) => e,
    );
    expect(second).not.toBeNull();
    expect(isDatabaseBusy(second), String(second)).toBe(true);
    expect(isDatabaseUnreachable(second)).toBe(false);
    expect(databaseRecentlyBusy()).toBe(true);
    expect(databaseRecentlyUnreachable()).toBe(false);

    await locker.query("ROLLBACK");
    expect((await first)?.items.map((i) => i.id)).toEqual([articleId]);
    expect((await search.searchArticles(q, 1, null))?.total).toBe(1);
  }, 60_000);
});
