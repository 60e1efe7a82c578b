// Reader lists over many months: page N read from a month edge (article_months, kept by
// triggers) is exactly what a plain OFFSET over the whole list returns, for every page;
// the counts stay exact through publish, unpublish, bin, delete, moves and bulk statements;
// the sitemap index lists the right months; deep pages read a bounded slice of an index.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase } from "../support/db";

let pool: pg.Pool;
let lists: typeof import("@/lib/data/articles");
let sm: typeof import("@/lib/data/sitemaps");
let sections: number[];
const N = 4000;

const PUB = `status = 'PUBLISHED' AND deleted_at IS NULL`;

/** Ids of page `page` as a plain OFFSET query over the whole list computes them. */
async function offsetPage(sectionId: number | null, page: number): Promise<number[]> {
  const r = await pool.query<{ id: number }>(
    `SELECT id FROM articles WHERE ${PUB} ${sectionId === null ? "" : "AND section_id = $3"}
     ORDER BY published_at DESC, id DESC OFFSET $1 LIMIT $2`,
    sectionId === null ? [(page - 1) * 10, 10] : [(page - 1) * 10, 10, sectionId],
  );
  return r.rows.map((x) => x.id);
}

/** article_months as kept, and as computed from the articles. */
async function months() {
  const kept = await pool.query<{ k: string; n: number }>(
    `SELECT section_id || ':' || month AS k, published AS n FROM article_months WHERE published <> 0 ORDER BY 1`,
  );
  const truth = await pool.query<{ k: string; n: number }>(
    `SELECT coalesce(section_id, 0) || ':' || article_month_of(published_at) AS k, count(*)::int AS n FROM articles
     WHERE ${PUB} GROUP BY GROUPING SETS ((section_id, article_month_of(published_at)), (article_month_of(published_at))) ORDER BY 1`,
  );
  return { kept: kept.rows, truth: truth.rows };
}

async function expectPagesMatch(sectionId: number | null, pages: number[]) {
  for (const p of pages) {
    const page = await lists.readPage(sectionId, p);
    expect(page?.items.map((i) => i.id), `page ${p} of ${sectionId ?? "archive"}`).toEqual(await offsetPage(sectionId, p));
  }
}

beforeAll(async () => {
  const url = await migratedDatabase("int_lists_scale");
  process.env.DATABASE_URL = url;
  pool = new pg.Pool({ connectionString: url, max: 2 });
  const s = await pool.query<{ id: number }>(`INSERT INTO sections (slug, name) VALUES ('a', '정치'), ('b', '경제'), ('c', '문화') RETURNING id`);
  sections = s.rows.map((r) => r.id);
  // Three years of articles, several per China-time day boundary, some sharing a timestamp
  // (the id breaks the tie), with drafts and binned ones in between; inserted with the
  // triggers on, in one statement, as a bulk import would.
  await pool.query(
    `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at, deleted_at)
     SELECT (ARRAY[${sections.join(",")}])[1 + g % 3], '기사 ' || g, '요약', '<p>본문</p>', '해란강뉴스',
            CASE WHEN g % 23 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END::"ArticleStatus",
            timestamp '2026-11-30 16:00' - (g / 3) * interval '19 hours 7 minutes', now(),
            CASE WHEN g % 31 = 0 THEN now() END
     FROM generate_series(1, ${N}) g`,
  );
  // Exactly on a China-time month edge (2025-04-01 00:00 UTC+8) and a millisecond before it.
  await pool.query(
    `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at)
     VALUES ($1, '월초', '', '', 's', 'PUBLISHED', timestamp '2025-03-31 16:00', now()),
            ($1, '월말', '', '', 's', 'PUBLISHED', timestamp '2025-03-31 15:59:59.999', now())`,
    [sections[0]],
  );
  await pool.query("ANALYZE articles");
  lists = await import("@/lib/data/articles");
  sm = await import("@/lib/data/sitemaps");
}, 120_000);
afterAll(() => pool?.end());

const total = async (sectionId: number) =>
  Number((await pool.query<{ n: number }>(`SELECT published AS n FROM article_counters WHERE section_id = $1`, [sectionId])).rows[0]?.n ?? 0);

describe("list pages from month edges", () => {
  it("equal a plain OFFSET query on every page of the archive and of a section", async () => {
    const m = await months();
    expect(m.kept).toEqual(m.truth);
    const all = Math.ceil((await total(0)) / 10);
    expect(all).toBeGreaterThan(300);
    await expectPagesMatch(null, Array.from({ length: all }, (_, i) => i + 1));
    const inA = Math.ceil((await total(sections[0])) / 10);
    await expectPagesMatch(sections[0], Array.from({ length: inA }, (_, i) => i + 1));
  });

  it("answers null past the last page", async () => {
    const last = Math.ceil((await total(0)) / 10);
    expect(await lists.readPage(null, last)).not.toBeNull();
    expect(await lists.readPage(null, last + 1)).toBeNull();
    expect(await lists.readPage(sections[1], Math.ceil((await total(sections[1])) / 10) + 1)).toBeNull();
  });

  it("keeps the counts exact through publish, unpublish, bin, restore, moves, re-dating and deletes", async () => {
    const ids = (await pool.query<{ id: number }>(`SELECT id FROM articles ORDER BY id LIMIT 40 OFFSET 100`)).rows.map((r) => r.id);
    const step = async (sql: string, params: unknown[]) => {
      await pool.query(sql, params);
      const m = await months();
      expect(m.kept, sql).toEqual(m.truth);
    };
    await step(`UPDATE articles SET status = 'DRAFT' WHERE id = $1`, [ids[0]]);
    await step(`UPDATE articles SET status = 'PUBLISHED' WHERE id = ANY($1)`, [ids.slice(0, 5)]);
    await step(`UPDATE articles SET deleted_at = now() WHERE id = $1`, [ids[1]]);
    await step(`UPDATE articles SET deleted_at = NULL WHERE id = $1`, [ids[1]]);
    await step(`UPDATE articles SET section_id = $2 WHERE id = ANY($1)`, [ids.slice(5, 15), sections[2]]);
    await step(`UPDATE articles SET published_at = published_at - interval '200 days' WHERE id = ANY($1)`, [ids.slice(15, 20)]);
    await step(`UPDATE articles SET title = '고친 제목', updated_at = now() WHERE id = $1`, [ids[20]]);
    await step(`DELETE FROM articles WHERE id = ANY($1)`, [ids.slice(21, 30)]);
    await step(`UPDATE articles SET section_id = $1 WHERE section_id = $2`, [sections[1], sections[2]]);
    await expectPagesMatch(null, [1, 2, 50, 150, Math.ceil((await total(0)) / 10)]);
    await expectPagesMatch(sections[1], [1, 3, Math.ceil((await total(sections[1])) / 20), Math.ceil((await total(sections[1])) / 10)]);
  });

  it("is refilled by article_months_rebuild() and read correctly without it", async () => {
    const before = await months();
    await pool.query(`DELETE FROM article_months`);
    // Without counts the list falls back to reading from the nearer end: the same pages.
    await expectPagesMatch(null, [1, 77, Math.ceil((await total(0)) / 10)]);
    expect((await sm.readMonthBuckets()).length).toBeGreaterThan(30);
    await pool.query(`SELECT article_months_rebuild()`);
    expect((await months()).kept).toEqual(before.kept);
  });
});

describe("sitemap index from the month counts", () => {
  it("lists every month with its published articles and the newest lastmod", async () => {
    const buckets = await sm.readMonthBuckets();
    const truth = await pool.query<{ month: string; n: number }>(
      `SELECT to_char(article_month_of(published_at), 'YYYY-MM') AS month, count(*)::int AS n FROM articles WHERE ${PUB} GROUP BY 1 ORDER BY 1 DESC`,
    );
    expect(buckets.map((b) => [b.month, b.count])).toEqual(truth.rows.map((r) => [r.month, r.n]));
    // The edge article of 2025-04-01 00:00 China time is April's, the one a millisecond earlier March's.
    const april = truth.rows.find((r) => r.month === "2025-04");
    expect(april).toBeDefined();
    expect(buckets.every((b) => new Date(b.lastmod).getTime() > 0)).toBe(true);
  });
});

describe("search windows", () => {
  it("a window full of title matches ranks exactly what the whole archive ranks", async () => {
    const { parseQuery } = await import("@/lib/search/query");
    const { buildSearchSql, SEARCH_SETTINGS } = await import("@/lib/search/sql");
    // Every title holds 기사: the newest 1,500 articles alone hold more than RESULT_CAP of them.
    // 본문 is in every body, and in the titles of five of the oldest articles only: with both
    // words in the title they outrank every newer article, from outside the window.
    await pool.query(`UPDATE articles SET title = title || ' 본문' WHERE id IN (SELECT id FROM articles WHERE ${PUB} ORDER BY published_at LIMIT 5)`);
    // 본문 alone: five title matches from the whole archive, then the window's bodies.
    // A window of the newest 1,400 articles (any cut keeps the answer exact).
    const since = (await pool.query<{ t: string }>(`SELECT to_char(published_at, 'YYYY-MM-DD HH24:MI:SS.MS') AS t FROM article_search ORDER BY published_at DESC OFFSET 1400 LIMIT 1`)).rows[0].t;
    const cases = [["기사", 1, "title"], ["기사", 2, "title"], ["기사", 37, "title"], ["기사", 100, "title"], ["기사 본문", 1, "title"], ["본문 기사", 2, "title"], ["기사 본문", 100, "title"], ["본문", 1, "body"], ["본문", 100, "body"]] as const;
    for (const [text, page, part] of cases) {
      const q = parseQuery(text);
      const run = async (window?: { since: string; part: "title" | "body" }) => {
        const { sql, params } = buildSearchSql(q, { page, pageSize: 10 }, window);
        const c = await pool.connect();
        try {
          await c.query("BEGIN");
          await c.query(SEARCH_SETTINGS.sql);
          return (await c.query<{ id: number; total: number; titled: number; bodied: number }>(sql, params)).rows;
        } finally {
          await c.query("COMMIT");
          c.release();
        }
      };
      const [windowed, whole] = [await run({ since, part }), await run()];
      expect(windowed[0].titled + (part === "body" ? windowed[0].bodied : 0), `${text} ${page}`).toBeGreaterThan(1000);
      if (part === "body") expect(windowed[0].titled).toBe(5);
      expect(windowed.map((r) => [r.id, r.total])).toEqual(whole.map((r) => [r.id, r.total]));
    }
  });
});

describe("deep pages read a bounded slice", () => {
  type Node = { "Node Type": string; "Relation Name"?: string; "Actual Rows": number; "Heap Fetches"?: number; Plans?: Node[] };
  const walk = (n: Node): Node[] => [n, ...(n.Plans ?? []).flatMap(walk)];

  it("the last and middle page queries read a page's ids from the list index alone, for at most about a month", async () => {
    const biggest = (await pool.query<{ n: number }>(`SELECT max(published) AS n FROM article_months WHERE section_id = 0`)).rows[0].n;
    // As autovacuum leaves a table that is mostly read: the visibility map set.
    await pool.query("VACUUM (ANALYZE) articles");
    for (const [dir, cmp] of [["DESC", "<"], ["ASC", ">="]] as const) {
      // The statement of lib/data/articles.ts#pageIds.
      const r = await pool.query<{ "QUERY PLAN": [{ Plan: Node }] }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) SELECT id FROM articles WHERE ${PUB} AND published_at ${cmp} $1::timestamp
         ORDER BY published_at ${dir}, id ${dir} OFFSET $2 LIMIT 10`,
        ["2025-03-31 16:00", Math.floor(biggest / 2)],
      );
      const nodes = walk(r.rows[0]["QUERY PLAN"][0].Plan);
      const onArticles = nodes.filter((x) => x["Relation Name"] === "articles");
      expect(onArticles.map((x) => x["Node Type"])).toEqual(["Index Only Scan"]);
      expect(onArticles[0]["Heap Fetches"]).toBe(0);
      expect(onArticles[0]["Actual Rows"]).toBeLessThanOrEqual(biggest / 2 + 10);
    }
  });
});
