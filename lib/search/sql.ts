// The search itself, as one SQL statement over article_search (see the migration
// 20261128020000_search). Takes any way of running SQL, so that the page (Prisma), the
// integration tests and bench/search-bench.ts (pg) run exactly the same query.
import type { Pool } from "pg";
import type { ParsedQuery, SearchWord } from "./query";
import { sqlMatcher } from "./query";

export type Statement = { sql: string; params: unknown[] };
/** Runs the statements in one transaction and returns the rows of the last one. */
export type Runner = (statements: Statement[]) => Promise<Record<string, unknown>[]>;

/**
 * Run before the search statement, in its transaction. The planner does not price unpacking
 * a key array (kilobytes out of line) for every row, so on a small table, or for a word in
 * most articles, it would rather scan every row than read the GIN index: a hundred times
 * slower. JIT compiling costs more than these statements take.
 */
export const SEARCH_SETTINGS: Statement = {
  sql: "SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)",
  params: [],
};

/** Matches counted and browsable at most; beyond, the page shows "1000+" (README, Search). */
export const RESULT_CAP = 1000;
/** Candidates ranked when some word needs its text rechecked (four or more characters). */
export const CANDIDATE_CAP = 5000;

export type SearchHits = {
  /** Article ids of the requested page, best first. */
  ids: number[];
  /** Matches, counted up to RESULT_CAP + 1. */
  total: number;
  /** More matches exist than were counted. */
  capped: boolean;
};

export type SearchOptions = { page: number; pageSize: number; sectionId?: number | null };

/** PostgreSQL array literal of integers (keys are below 2^50, exact in a JS number). */
const intArray = (xs: number[]) => `{${xs.join(",")}}`;

/**
 * Windows (the newest this many articles) tried first for a query of one or two words that
 * the keys decide. One word: its title matches all score alike, so when a window holds more
 * than RESULT_CAP of them they are exactly the newest overall. Two words: the window's title
 * matches plus every article with both words in its title (the only ones an older article
 * could outrank newer ones with). The work is then the window's, not the archive's; a rarer
 * query falls through to the whole archive, where it has few matches (README, Search).
 */
export const SEARCH_WINDOWS = [50_000, 200_000] as const;

/**
 * "title": the window's title matches (and, with two words, both in the title anywhere) fill
 * the ranking alone. "body": every title match, and the window's other matches: when they
 * fill the ranking together, the window's newest are the archive's newest (a word found in
 * most bodies and few titles).
 */
export type SearchWindow = { since: string; part: "title" | "body" };

/**
 * Where each window of SEARCH_WINDOWS starts: the newest China-time month edge with at least
 * that many articles after it (article_months, a few hundred rows), as `YYYY-MM-DD HH:MI:SS`
 * UTC; null when the archive is smaller. Any edge keeps the answers exact. Passed to the
 * search as a value, not a subquery: only a known bound lets the planner AND the btree's
 * bitmap with the keys' (a subquery's is unknown at planning, and it filters row by row).
 */
export const WINDOW_STARTS_SQL = `WITH x AS (
  SELECT month, sum(published) OVER (ORDER BY month DESC) AS n FROM article_months WHERE section_id = 0 AND published > 0
)
SELECT ${SEARCH_WINDOWS.map((n, k) => `(SELECT to_char(x.month - interval '8 hours', 'YYYY-MM-DD HH24:MI:SS') FROM x WHERE x.n >= ${n} ORDER BY x.month DESC LIMIT 1) AS w${k}`).join(",\n       ")}`;

/**
 * Index conditions of `words`: every key group must meet the article's keys. Single-key
 * groups go into one containment test; groups of alternative spellings each into an overlap test.
 */
function keysOf(words: SearchWord[], p: (v: unknown) => string): string {
  const single = new Set<number>();
  const where: string[] = [];
  for (const g of words.flatMap((w) => w.keyGroups)) {
    if (g.length === 1) single.add(g[0]);
    else where.push(`s.keys && ${p(intArray(g))}::bigint[]`);
  }
  if (single.size) where.unshift(`s.keys @> ${p(intArray([...single]))}::bigint[]`);
  return where.join(" AND ");
}

export function buildSearchSql(q: ParsedQuery, opts: SearchOptions, window?: SearchWindow): { sql: string; params: unknown[]; exact: boolean } {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };

  const keys = keysOf(q.words, p);

  const section = opts.sectionId != null ? ` AND s.section_id = ${p(opts.sectionId)}` : "";
  const since = window ? ` AND s.published_at >= ${p(window.since)}::timestamp` : "";
  const titleSince = window?.part === "title" ? since : "";
  const bodySince = window?.part === "body" ? since : "";

  const matchers = new Map<SearchWord, string>();
  for (const w of q.words) {
    const m = sqlMatcher(w);
    matchers.set(w, `${m.op} ${p(m.pattern)}`);
  }
  // Title matches first: the more words in the title, the higher. Only articles with the
  // title keys of some word (`t`, found through the index) are scored; the rest (`b`) all
  // score 0 and need no look at their title, just newest first.
  const titleAny = p(intArray([...new Set(q.words.flatMap((w) => w.titleKeys))]));
  // Which rows `t` scores: the title matches, or in a window (see above) the window's title
  // matches and, with two words, every article with both in its title, as a UNION of two
  // index lookups (an OR would test every match's keys row by row, out of line).
  // A word of up to three characters (exact) is in the text when its title key is there:
  // the title is part of the text. So one such word needs only its title keys here, one
  // small GIN posting list instead of also the word's in every body (at a million articles
  // 학교 is in 231,654 texts and 77,598 titles: 55 ms of index reading became 11). The
  // planner's guess for one array test (0.5% of rows, not 0.0025% for two) also lets it AND
  // a window's published_at bitmap, so only the window's heap pages are read.
  const onlyTitle = q.words.length === 1 && q.words[0].exact;
  let titled = `${onlyTitle ? "" : `${keys} AND `}s.keys && ${titleAny}::bigint[]${section}${titleSince}`;
  if (titleSince && q.words.length > 1) {
    const all = q.words.map((w) => `s.keys && ${p(intArray(w.titleKeys))}::bigint[]`).join(" AND ");
    // With every word in the title, only the words that are not exact need their keys.
    const rest = keysOf(q.words.filter((w) => !w.exact), p);
    titled = `s.article_id IN (SELECT s.article_id FROM article_search s WHERE ${titled}
    UNION SELECT s.article_id FROM article_search s WHERE ${rest ? `${rest} AND ` : ""}${all}${section})`;
  }
  const score = q.words.map((w) => `(s.title ${matchers.get(w)})::int`).join(" + ");
  const recheck = q.words.filter((w) => !w.exact).map((w) => `(c.title ${matchers.get(w)} OR c.body ${matchers.get(w)})`);
  const exact = recheck.length === 0;

  // Both lists are top-N sorts of narrow rows (the text stays out of line, and is only
  // carried along when a word must be rechecked). `c` ranks their union; `m` keeps the
  // first RESULT_CAP + 1 that pass the recheck, reading the text of only as many as it
  // needs, in rank order; the page is a slice of `m`. Only RESULT_CAP matches are browsable
  // (`m` holds one more, to tell that there are more).
  const text = exact ? "" : ", s.title, s.body";
  const n = p(exact ? RESULT_CAP + 1 : CANDIDATE_CAP);
  const offset = (opts.page - 1) * opts.pageSize;
  const limit = Math.max(0, Math.min(opts.pageSize, RESULT_CAP - offset));
  const sql = `
WITH t AS MATERIALIZED (
  SELECT s.article_id AS id, s.published_at, ${score} AS score${text}
  FROM article_search s
  WHERE ${titled}
  ORDER BY score DESC, s.published_at DESC, s.article_id DESC
  LIMIT ${n}
), b AS MATERIALIZED (
  SELECT s.article_id AS id, s.published_at, 0 AS score${text}
  FROM article_search s
  WHERE ${keys}${section} AND s.article_id NOT IN (SELECT id FROM t)${
    // Every row of t matches in its title: if t is full, b would rank after all of it.
    exact ? `\n    AND (SELECT count(*) FROM t) < ${n}::int` : ""
  }${titleSince ? "\n    AND false -- a title window's answer is used only when t alone fills it" : bodySince}
  ORDER BY s.published_at DESC, s.article_id DESC
  LIMIT ${n}
), c AS MATERIALIZED (
  SELECT u.*, row_number() OVER (ORDER BY u.score DESC, u.published_at DESC, u.id DESC) AS rank
  FROM (SELECT * FROM t UNION ALL SELECT * FROM b) u
  ORDER BY rank
  LIMIT ${n}
), m AS MATERIALIZED (
  SELECT c.id, c.rank FROM c${exact ? "" : `\n  WHERE ${recheck.join(" AND ")}`}
  LIMIT ${p(RESULT_CAP + 1)}
)
SELECT m.id, (SELECT count(*) FROM m)::int AS total, (SELECT count(*) FROM t)::int AS titled, (SELECT count(*) FROM b)::int AS bodied,
       (SELECT count(*) FROM t) >= ${n}::int OR (SELECT count(*) FROM b) >= ${n}::int AS more
FROM m ORDER BY m.rank LIMIT ${p(limit)} OFFSET ${p(offset)}`;
  return { sql, params, exact };
}

/**
 * The page of matches and their count, up to RESULT_CAP. `capped` when more exist than were
 * counted (or, for words that are rechecked, than were ranked). A page past the end has
 * no ids (and total 0: the caller answers 404 anyway).
 */
export async function findArticles(run: Runner, q: ParsedQuery, opts: SearchOptions): Promise<SearchHits> {
  if (q.words.length === 0) return { ids: [], total: 0, capped: false };
  let rows: Record<string, unknown>[] | null = null;
  // One word only: measured at a million articles (same answers), windows took a common
  // word from ~150-1200 ms to ~100-590 ms on a loaded machine, but made two-word queries slower
  // (their title windows seldom fill, so the whole archive is asked after all). Two-word
  // windows stay available to buildSearchSql (tests/int/lists-scale.test.ts).
  if (q.words.length === 1 && q.words[0].exact) {
    const starts = (await run([{ sql: WINDOW_STARTS_SQL, params: [] }]))[0] ?? {};
    windows: for (const since of SEARCH_WINDOWS.map((_, k) => starts[`w${k}`]).filter((x): x is string => typeof x === "string")) {
      for (const part of ["title", "body"] as const) {
        const x = buildSearchSql(q, opts, { since, part });
        const r = await run([SEARCH_SETTINGS, { sql: x.sql, params: x.params }]);
        // Exact only when the window fills the ranking (see SearchWindow).
        const filled = Number(r[0]?.titled ?? 0) + (part === "body" ? Number(r[0]?.bodied ?? 0) : 0);
        if (r.length > 0 && filled > RESULT_CAP) {
          rows = r;
          break windows;
        }
      }
    }
  }
  const { sql, params, exact } = buildSearchSql(q, opts);
  rows ??= await run([SEARCH_SETTINGS, { sql, params }]);
  if (rows.length === 0) return { ids: [], total: 0, capped: false };
  const total = Number(rows[0].total);
  return {
    ids: rows.map((r) => Number(r.id)),
    total: Math.min(total, RESULT_CAP),
    capped: total > RESULT_CAP || (!exact && rows[0].more === true),
  };
}

/** A Runner on a node-postgres pool (tests, benchmark); the app uses Prisma (lib/data/search.ts). */
export function pgRunner(pool: Pool): Runner {
  return async (statements) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      let rows: Record<string, unknown>[] = [];
      for (const s of statements) rows = (await client.query(s.sql, s.params)).rows;
      await client.query("COMMIT");
      return rows;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  };
}
