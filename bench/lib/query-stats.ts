// Counts the app's SQL statements with pg_stat_statements (loaded into the throwaway
// cluster), to show how many queries a page costs and where database time goes.
import pg from "pg";

const OWN = "query NOT ILIKE '%pg_stat_statements%' AND query NOT ILIKE 'BEGIN%' AND query NOT ILIKE 'COMMIT%' AND query NOT ILIKE 'SET %'";

export type QueryTop = { calls: number; totalMs: number; meanMs: number; query: string };

export async function enableStatements(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
    await c.query("ALTER SYSTEM SET pg_stat_statements.track = 'all'");
  } finally {
    await c.end();
  }
}

export class QueryStats {
  private constructor(private c: pg.Client) {}

  /** null when the cluster was not restarted with the library loaded. */
  static async open(url: string): Promise<QueryStats | null> {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      await c.query("SELECT pg_stat_statements_reset()");
      return new QueryStats(c);
    } catch {
      await c.end();
      return null;
    }
  }

  async reset() {
    await this.c.query("SELECT pg_stat_statements_reset()");
  }

  async count(): Promise<{ calls: number; ms: number }> {
    const r = await this.c.query<{ calls: string; ms: number }>(
      `SELECT coalesce(sum(calls), 0)::text AS calls, coalesce(sum(total_exec_time), 0)::float8 AS ms FROM pg_stat_statements WHERE ${OWN}`,
    );
    return { calls: Number(r.rows[0].calls), ms: Math.round(r.rows[0].ms * 10) / 10 };
  }

  async top(n: number): Promise<QueryTop[]> {
    const r = await this.c.query<{ calls: string; total: number; mean: number; query: string }>(
      `SELECT calls::text, total_exec_time AS total, mean_exec_time AS mean, query FROM pg_stat_statements
       WHERE ${OWN} ORDER BY total_exec_time DESC LIMIT $1`,
      [n],
    );
    return r.rows.map((x) => ({
      calls: Number(x.calls),
      totalMs: Math.round(x.total),
      meanMs: Math.round(x.mean * 100) / 100,
      query: x.query.replace(/\s+/g, " ").slice(0, 220),
    }));
  }

  async close() {
    await this.c.end();
  }
}
