// The bench's search sequences (bench/lib/measure.ts: a mix of 200 distinct queries, 100 of
// one two-syllable word, 100 of two), one query at a time, through the statement the page runs
// (lib/search/sql.ts#findArticles) on an already seeded, running database: the query's own
// latency, without Next's rendering. Also writes every answer (count and ids) to a file, so
// that two versions of the statement can be compared for exactly the same answers.
//
//   npx tsx bench/search-pools.ts --database-url postgresql://... [--answers out.json] [--slow 100]
import { writeFileSync } from "node:fs";
import pg from "pg";
import { parseQuery } from "../lib/search/query";
import { findArticles, pgRunner } from "../lib/search/sql";
import { searchQueries, searchWordQueries } from "./lib/search-words";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const url = arg("--database-url") ?? process.env.DATABASE_URL;
if (!url) throw new Error("--database-url (or DATABASE_URL) of a seeded database is needed");
const slow = Number(arg("--slow") ?? Infinity);
const pool = new pg.Pool({ connectionString: url, max: 2 });
const run = pgRunner(pool);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const answers: Record<string, number[]> = {};

async function sequence(name: string, qs: string[]) {
  const times: number[] = [];
  for (const q of qs) {
    const t = performance.now();
    const h = await findArticles(run, parseQuery(q), { page: 1, pageSize: 10 });
    const ms = performance.now() - t;
    times.push(ms);
    answers[q] = [h.total, ...h.ids];
    if (ms > slow) console.log(`  ${q}: ${ms.toFixed(0)} ms`);
  }
  console.log(`${name.padEnd(9)} ${String(qs.length).padStart(3)} queries  p50 ${pct(times, 50).toFixed(1).padStart(6)} ms  p95 ${pct(times, 95).toFixed(1).padStart(6)} ms  max ${Math.max(...times).toFixed(1).padStart(6)} ms`);
}

try {
  await sequence("mixed", searchQueries(200));
  await sequence("one word", searchWordQueries(1, 100));
  await sequence("two words", searchWordQueries(2, 100));
  const out = arg("--answers");
  if (out) writeFileSync(out, JSON.stringify(answers));
} finally {
  await pool.end();
}
