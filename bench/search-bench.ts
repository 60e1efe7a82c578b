// Search latency at archive scale: a throwaway PostgreSQL, migrated and seeded with 100,000
// articles, then each query 50 times through the same statement the page runs
// (lib/search/sql.ts#findArticles). Prints p50/p95 per query, the plan of each (no
// sequential scan of article_search allowed), the index size and what a publish costs.
//
//   npx tsx bench/search-bench.ts                       100,000 articles, 50 runs a query
//   npx tsx bench/search-bench.ts --articles 20000 --runs 20
//   npx tsx bench/search-bench.ts --pg-dir /tmp/search-bench-pg   keep the seeded cluster and reuse it
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/server/embedded-postgres";
import { migrate } from "../lib/server/migrate";
import { parseQuery } from "../lib/search/query";
import { buildSearchSql, findArticles, pgRunner, SEARCH_SETTINGS } from "../lib/search/sql";

const QUERIES = ["경제", "축구", "학교", "로인", "노인", "연길 학교", "리용", "이용", "조선족", "로인협회", "이 학교", "이", "있다", "微信", "사회구역"];
const PAGES = [["경제", 2], ["경제", 100], ["연길 학교", 50]] as const;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}
const articles = Number(arg("--articles") ?? 100_000);
const runs = Number(arg("--runs") ?? 50);
const keep = arg("--pg-dir") ? resolve(arg("--pg-dir")!) : undefined;
const log = (m: string) => console.log(`[search-bench] ${m}`);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x: number) => x.toFixed(1).padStart(6);

async function main() {
  const dir = keep ?? mkdtempSync(join(tmpdir(), "search-bench-"));
  mkdirSync(dir, { recursive: true });
  const db = await startEmbeddedPostgres({ dir, persistent: !!keep, quiet: true });
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  try {
    await migrate(db.url);
    const have = Number((await pool.query("SELECT count(*) AS n FROM articles")).rows[0].n);
    if (have < articles) {
      if (have > 0) throw new Error(`${dir} holds ${have} articles, fewer than --articles ${articles}: use another --pg-dir`);
      const { seedDatabase } = await import("../lib/seed/index");
      const t = Date.now();
      log(`seeding ${articles} articles (the search trigger runs for each)...`);
      await seedDatabase(db.url, { articles, uploadDir: join(dir, "uploads"), log: () => {}, progress: true });
      log(`seeded in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    } else log(`reusing ${have} articles in ${dir}`);
    // What autovacuum does after a bulk load: statistics, and the GIN pending list merged.
    await pool.query("VACUUM ANALYZE articles, article_search");

    const size = (await pool.query(`SELECT count(*) AS rows, pg_size_pretty(pg_relation_size('article_search')) AS heap,
      pg_size_pretty(pg_total_relation_size('article_search') - pg_relation_size('article_search') - pg_indexes_size('article_search')) AS toast,
      pg_size_pretty(pg_relation_size('article_search_keys_idx')) AS gin FROM article_search`)).rows[0];
    log(`article_search: ${size.rows} rows, heap ${size.heap}, out-of-line text and keys ${size.toast}, GIN index ${size.gin}`);

    const run = pgRunner(pool);
    const measure = async (q: string, page: number) => {
      const parsed = parseQuery(q);
      const opts = { page, pageSize: 10 };
      const first = await findArticles(run, parsed, opts); // warm-up, not counted
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await findArticles(run, parsed, opts);
        times.push(performance.now() - t);
      }
      const plan = await explain(pool, q, page);
      return { q: page > 1 ? `${q} (page ${page})` : q, total: `${first.total}${first.capped ? "+" : ""}`, p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times), plan };
    };

    const rows = [];
    for (const q of QUERIES) rows.push(await measure(q, 1));
    for (const [q, page] of PAGES) rows.push(await measure(q, page));

    console.log(`\nSearch at ${size.rows} published articles, ${runs} runs a query (after one warm-up), one connection:\n`);
    console.log(`${"query".padEnd(22)} ${"matches".padStart(8)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"max ms".padStart(7)}  plan`);
    for (const r of rows) console.log(`${r.q.padEnd(22)} ${r.total.padStart(8)} ${ms(r.p50)}  ${ms(r.p95)}  ${ms(r.max)}   ${r.plan}`);
    const worst = Math.max(...rows.filter((r) => !r.q.includes("page")).map((r) => r.p95));
    console.log(`\nworst p95 of first pages: ${worst.toFixed(1)} ms (target < 100 ms): ${worst < 100 ? "PASS" : "MISS"}`);
    if (rows.some((r) => r.plan.includes("SEQ SCAN"))) console.log("MISS: a plan scans every row of article_search");

    // What the trigger adds to a write: publishing, then editing the text, of one article.
    const id = Number((await pool.query("SELECT id FROM articles WHERE status = 'PUBLISHED' ORDER BY id DESC LIMIT 1")).rows[0].id);
    const writes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await pool.query("UPDATE articles SET status = 'DRAFT' WHERE id = $1", [id]);
      await pool.query("UPDATE articles SET status = 'PUBLISHED' WHERE id = $1", [id]);
      await pool.query("UPDATE articles SET body = body || ' ' WHERE id = $1", [id]);
      writes.push((performance.now() - t) / 3);
    }
    log(`unpublish / publish / edit of one article with the trigger: p50 ${pct(writes, 50).toFixed(1)} ms a write`);
  } finally {
    await pool.end();
    await db.stop();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** The plan's access to article_search, in a few words. */
async function explain(pool: pg.Pool, q: string, page: number): Promise<string> {
  const { sql, params } = buildSearchSql(parseQuery(q), { page, pageSize: 10 });
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    await c.query(SEARCH_SETTINGS.sql);
    const plan = (await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows.map((r) => String(r["QUERY PLAN"]));
    await c.query("ROLLBACK");
    if (plan.some((l) => /Seq Scan on article_search/.test(l))) return "SEQ SCAN of article_search";
    // The two bitmap scans of the GIN index: title matches (t), then the rest (b).
    const scans = plan
      .filter((l) => /Bitmap Heap Scan on article_search/.test(l))
      .map((l) => (/never executed/.test(l) ? "skipped" : String(Number(/rows=([\d.]+)/.exec(l.split("actual")[1] ?? "")?.[1] ?? NaN))));
    return `GIN: ${scans[0] ?? "?"} title rows, ${scans[1] ?? "?"} other rows read`;
  } finally {
    c.release();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
