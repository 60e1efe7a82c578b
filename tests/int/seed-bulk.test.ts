// The seed's bulk path (COPY with the deriving triggers off, search rows computed in
// TypeScript, indexes rebuilt afterwards) leaves exactly what the triggers would have left:
// the same search rows, photo links and counters, the triggers on again, every index back.
import pg from "pg";
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { migratedDatabase } from "../support/db";
import { seedDatabase } from "@/lib/seed/index";
import { parseQuery } from "@/lib/search/query";
import { findArticles, pgRunner } from "@/lib/search/sql";
import { searchRow } from "@/lib/seed/search-rows";

/** Drawing the demo photos and re-deriving every row through the triggers take a while on a busy machine. */
const SLOW = 300_000;
let pool: pg.Pool;
let url: string;
const uploadDir = join(inject("tmpDir"), "uploads-seed-bulk");

const SCHEMA = `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
                UNION ALL SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                UNION ALL SELECT tgrelid::regclass::text, tgname, tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
                ORDER BY 1, 2, 3`;

beforeAll(async () => {
  mkdirSync(uploadDir, { recursive: true });
  url = await migratedDatabase("int_seed_bulk");
  pool = new pg.Pool({ connectionString: url, max: 2 });
});
afterAll(() => pool?.end());

/**
 * Snapshots what the seed derived, then has the triggers derive it all again (emptied tables,
 * an UPDATE that fires every deriving trigger) and returns the rows on which the two differ.
 */
async function differencesFromTriggers(): Promise<Record<string, unknown[]>> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    // article_counters: its trigger adds and subtracts, so an UPDATE cannot re-derive it; the
    // counts are checked against the articles below instead.
    const tables = ["article_search", "article_desk_search", "article_images"];
    for (const t of tables) await c.query(`CREATE TEMP TABLE seeded_${t} ON COMMIT DROP AS SELECT * FROM ${t}`);
    await c.query("DELETE FROM article_search; DELETE FROM article_desk_search; DELETE FROM article_images");
    await c.query("UPDATE articles SET body = body");
    const out: Record<string, unknown[]> = {};
    for (const t of tables) {
      const diff = await c.query(`(SELECT 'seed' AS side, * FROM seeded_${t} EXCEPT SELECT 'seed', * FROM ${t})
                                  UNION ALL (SELECT 'triggers', * FROM ${t} EXCEPT SELECT 'triggers', * FROM seeded_${t}) LIMIT 5`);
      out[t] = diff.rows;
    }
    await c.query("ROLLBACK");
    return out;
  } finally {
    c.release();
  }
}

describe("the TypeScript twin of the search triggers", () => {
  it("folds, strips and keys awkward bodies exactly as the SQL functions do", async () => {
    const bodies = [
      "<p>연길시 <a href='/x'>홈페이지</a>에서 &amp; &lt;b&gt; &nbsp;&quot;리용&quot; &#39;률&apos;</p>\n<p>둘째\t줄</p>",
      "<!-- 메모\n여러 줄 --><script type='x'>var a = '<p>';</script><style>p{}</style><figure><img src='/media/a.jpg'><figcaption>사진\n설명</figcaption></figure>",
      "<P>Upper CASE Ünïcode ＡＢＣ 😀 이모지 가\u1100\u1161</P><B>굵게</B><br/>끝<span class=\"x\">붙임</span>말",
      "",
    ];
    for (const body of bodies) {
      const a = { title: "  로인협회 50% WeChat  ", subtitle: body ? "부제목\n둘째" : null, body, byline: body ? "/해란강뉴스 김기자" : null };
      const r = await pool.query<{ t: string; b: string; k: string[] }>(
        `SELECT t, b, search_row_keys(t, b)::text[] AS k FROM (SELECT search_fold($1) AS t, search_fold(concat_ws(' ', $2::text, search_html_text($3), $4::text)) AS b) x`,
        [a.title, a.subtitle, a.body, a.byline],
      );
      const mine = searchRow(a);
      expect({ title: mine.title, body: mine.body, keys: [...mine.keys] }).toEqual({ title: r.rows[0].t, body: r.rows[0].b, keys: r.rows[0].k.map(Number) });
    }
  });
});

describe("seed (bulk path)", () => {
  let schemaBefore: unknown[];

  it("writes 2000 articles whose search rows, photo links and counters equal the triggers'", async () => {
    schemaBefore = (await pool.query(SCHEMA)).rows;
    const r = await seedDatabase(url, { articles: 2000, uploadDir, now: new Date(Date.UTC(2026, 11, 1)) });
    expect(r.articles).toBe(2000);
    const counts = await pool.query<{ a: number; s: number; d: number; i: number }>(
      `SELECT (SELECT count(*) FROM articles)::int AS a, (SELECT count(*) FROM article_search)::int AS s,
              (SELECT count(*) FROM article_desk_search)::int AS d, (SELECT count(*) FROM article_images)::int AS i`,
    );
    expect(counts.rows[0].a).toBe(2000);
    expect(counts.rows[0].s + counts.rows[0].d).toBe(2000);
    expect(counts.rows[0].d).toBeGreaterThan(0); // the seed writes a few drafts
    expect(counts.rows[0].i).toBeGreaterThan(1000);
    expect(await differencesFromTriggers()).toEqual({ article_search: [], article_desk_search: [], article_images: [] });
  }, SLOW);

  it("leaves every trigger on and every index and constraint as the migrations made them", async () => {
    expect((await pool.query(SCHEMA)).rows).toEqual(schemaBefore);
  });

  const countsMatch = async () => {
    const r = await pool.query<{ section_id: number; published: number; actual: number }>(
      `SELECT c.section_id, c.published, (SELECT count(*) FROM articles a WHERE a.status = 'PUBLISHED' AND a.deleted_at IS NULL
                                           AND (c.section_id = 0 OR a.section_id = c.section_id))::int AS actual
         FROM article_counters c`,
    );
    expect(r.rows.length).toBeGreaterThan(10);
    for (const row of r.rows) expect(row.published).toBe(row.actual);
    return r.rows;
  };

  it("counts the archive and its sections as readers' lists do", async () => {
    const rows = await countsMatch();
    expect(rows.find((x) => x.section_id === 0)!.published).toBeGreaterThan(1900);
  });

  it("finds a seeded article by the words of its title", async () => {
    const a = await pool.query<{ id: number; title: string }>(`SELECT id, title FROM articles WHERE status = 'PUBLISHED' ORDER BY id DESC LIMIT 1`);
    const hits = await findArticles(pgRunner(pool), parseQuery(a.rows[0].title), { page: 1, pageSize: 10, sectionId: null });
    expect(hits.ids).toContain(a.rows[0].id);
    const word = await findArticles(pgRunner(pool), parseQuery("경제"), { page: 1, pageSize: 10, sectionId: null });
    expect(word.total).toBeGreaterThan(0);
  });

  it("appends 500 more with the indexes in place, derived rows again equal to the triggers'", async () => {
    await seedDatabase(url, { articles: 500, uploadDir, now: new Date(Date.UTC(2026, 11, 2)) });
    const n = await pool.query<{ n: number; ids: number }>(`SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids FROM articles`);
    expect(n.rows[0]).toEqual({ n: 2500, ids: 2500 });
    expect(await differencesFromTriggers()).toEqual({ article_search: [], article_desk_search: [], article_images: [] });
    expect((await pool.query(SCHEMA)).rows).toEqual(schemaBefore);
    expect((await countsMatch()).find((x) => x.section_id === 0)!.published).toBeGreaterThan(2400);
    // A new article written by hand still gets its id from the sequence, past the seeded ones.
    const s = await pool.query<{ id: number }>("SELECT id FROM sections LIMIT 1");
    const added = await pool.query<{ id: number }>(
      `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at)
       VALUES ($1, '손으로 쓴 기사', '', '<p>본문</p>', '해란강뉴스', 'PUBLISHED', now(), now()) RETURNING id`,
      [s.rows[0].id],
    );
    expect(added.rows[0].id).toBe(2501);
    expect((await pool.query("SELECT 1 FROM article_search WHERE article_id = $1", [added.rows[0].id])).rowCount).toBe(1);
  }, SLOW);
});
