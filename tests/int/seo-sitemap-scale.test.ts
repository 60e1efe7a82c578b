// Sitemaps stay fast with 100,000 articles: the index of months is one pass over an index
// (no table reads), a month reads its own slice of an index, and the bin (for 410 Gone)
// costs what the bin holds, not what the archive holds.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase } from "../support/db";
import { chinaMonthRange } from "@/lib/china-time";

const N = 100_000;
let pool: pg.Pool;
let sm: typeof import("@/lib/data/sitemaps");

beforeAll(async () => {
  const url = await migratedDatabase("int_seo_scale");
  process.env.DATABASE_URL = url;
  pool = new pg.Pool({ connectionString: url, max: 2 });
  await pool.query(`INSERT INTO sections (slug, name) SELECT 's' || g, '분야 ' || g FROM generate_series(1, 12) g`);
  // Realistically wide rows (a few KB of body each) so that reading the heap costs what it would.
  // Triggers (search keys, counters) are off for this bulk load only: they are not under test
  // and would make loading 100,000 rows take minutes.
  const c = await pool.connect();
  await c.query("SET session_replication_role = replica");
  await c.query(
    `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at, deleted_at)
     SELECT (SELECT min(id) FROM sections) + g % 12, '기사 ' || g, '요약', '<p>' || md5(g::text) || repeat(' 본문', 200) || '</p>', '해란강뉴스',
            CASE WHEN g % 50 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END::"ArticleStatus",
            timestamp '2026-11-01' - g * interval '30 minutes', timestamp '2026-11-01' - g * interval '30 minutes',
            CASE WHEN g % 97 = 0 THEN now() END
     FROM generate_series(1, ${N}) g`,
  );
  await c.query("RESET session_replication_role");
  c.release();
  await pool.query("VACUUM ANALYZE articles");
  sm = await import("@/lib/data/sitemaps");
}, 300_000);
afterAll(() => pool?.end());

/** Shared buffers (8 kB pages) a query reads or finds in cache, from EXPLAIN (ANALYZE, BUFFERS). */
async function pagesTouched(sql: string, params: unknown[] = []): Promise<number> {
  const r = await pool.query<{ "QUERY PLAN": [{ Plan: { "Shared Hit Blocks": number; "Shared Read Blocks": number } }] }>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
    params,
  );
  const plan = r.rows[0]["QUERY PLAN"][0].Plan;
  return plan["Shared Hit Blocks"] + plan["Shared Read Blocks"];
}
const tablePages = async () => Number((await pool.query<{ n: string }>(`SELECT pg_relation_size('articles') / 8192 AS n`)).rows[0].n);

describe(`sitemaps over ${N.toLocaleString()} articles`, () => {
  it("builds the index of months in one pass", async () => {
    const months = await sm.readMonthBuckets();
    expect(months.reduce((n, m) => n + m.count, 0)).toBe(N - Math.floor(N / 50) - Math.floor(N / 97) + Math.floor(N / (50 * 97)));
    expect(months.every((m) => m.count < 50_000)).toBe(true);
  });

  it("counts months and finds the bin from the index alone", async () => {
    const plan = async (q: string) => (await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN ${q}`)).rows.map((r) => r["QUERY PLAN"]).join("\n");
    const months = await plan(`SELECT date_trunc('month', published_at + interval '8 hours'), count(*), max(greatest(updated_at, published_at))
      FROM articles WHERE deleted_at IS NULL AND status = 'PUBLISHED' AND published_at IS NOT NULL GROUP BY 1`);
    expect(months).toMatch(/Index Only Scan using articles_deleted_at_status_published_at_updated_at_idx/);
    const touched = await pagesTouched(`SELECT date_trunc('month', published_at + interval '8 hours'), count(*), max(greatest(updated_at, published_at))
      FROM articles WHERE deleted_at IS NULL AND status = 'PUBLISHED' AND published_at IS NOT NULL GROUP BY 1`);
    const table = await tablePages();
    console.log(`[scale] month index touches ${touched} of the table's ${table} pages`);
    expect(touched).toBeLessThan(table / 4);
    const bin = await plan(`SELECT id FROM articles WHERE deleted_at IS NOT NULL`);
    expect(bin).toMatch(/Index (Only )?Scan using articles_deleted_at_status_published_at_updated_at_idx/);
    expect(`${months}\n${bin}`).not.toMatch(/Seq Scan/);
  });

  it("reads one month from the index, not the whole table", async () => {
    const { start, end } = chinaMonthRange("2025-06");
    const plan = await pool.query<{ "QUERY PLAN": string }>(
      `EXPLAIN SELECT id, published_at, updated_at, cover_image_id FROM articles
       WHERE status = 'PUBLISHED' AND deleted_at IS NULL AND published_at >= $1 AND published_at < $2
       ORDER BY published_at DESC, id DESC`,
      [start, end],
    );
    const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Index (Only )?Scan using articles_\w+_idx/);
    expect(text).not.toMatch(/Seq Scan/);
    const rows = await sm.readMonthArticles(start, end, 0, 50_000);
    expect(rows.length).toBeGreaterThan(1000);
    // What it costs, in pages touched rather than milliseconds (speed is the benchmark's):
    // one month's slice, a small fraction of the table.
    const touched = await pagesTouched(
      `SELECT id, published_at, updated_at, cover_image_id FROM articles
       WHERE status = 'PUBLISHED' AND deleted_at IS NULL AND published_at >= $1 AND published_at < $2
       ORDER BY published_at DESC, id DESC`,
      [start, end],
    );
    const table = await tablePages();
    console.log(`[scale] one month touches ${touched} of the table's ${table} pages`);
    expect(touched).toBeLessThan(table / 10);
  });
});
