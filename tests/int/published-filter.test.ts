// The one "published and not in the bin" filter (lib/data/published.ts) still lets PostgreSQL
// answer reader queries from the indexes built for them. Sequential and bitmap scans are
// switched off, so a plan that cannot use an index shows as a Seq Scan however small the table.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase } from "../support/db";
import { Prisma } from "@/lib/generated/prisma/client";

let client: pg.Client;
let pub: typeof import("@/lib/data/published");

beforeAll(async () => {
  const url = await migratedDatabase("int_published_filter");
  process.env.DATABASE_URL = url;
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`INSERT INTO sections (slug, name) VALUES ('s', '분야')`);
  await client.query(
    `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at, deleted_at)
     SELECT (SELECT min(id) FROM sections), '기사 ' || g, '', '', '해란강뉴스',
            CASE WHEN g % 5 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END::"ArticleStatus",
            timestamp '2026-11-01' - g * interval '1 hour', timestamp '2026-11-01', CASE WHEN g % 7 = 0 THEN now() END
     FROM generate_series(1, 2000) g`,
  );
  await client.query("VACUUM ANALYZE articles");
  await client.query("SET enable_seqscan = off");
  await client.query("SET enable_bitmapscan = off");
  pub = await import("@/lib/data/published");
});
afterAll(() => client?.end());

async function plan(q: Prisma.Sql): Promise<string> {
  const r = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${q.text}`, q.values as unknown[]);
  return r.rows.map((x) => x["QUERY PLAN"]).join("\n");
}

describe("the published filter in SQL", () => {
  it("counts months from the (deleted_at, status, published_at, updated_at) index alone", async () => {
    const p = await plan(Prisma.sql`SELECT date_trunc('month', published_at), count(*), max(greatest(updated_at, published_at))
      FROM articles WHERE ${pub.publishedSql()} AND published_at IS NOT NULL GROUP BY 1`);
    expect(p).toMatch(/Index Only Scan using articles_deleted_at_status_published_at_updated_at_idx/);
  });

  it("reads a slice of months and a section's newest from the list indexes", async () => {
    const month = await plan(Prisma.sql`SELECT a.id FROM articles a
      WHERE ${pub.publishedSql("a")} AND a.published_at >= ${new Date("2026-10-01")} AND a.published_at < ${new Date("2026-11-01")}
      ORDER BY a.published_at DESC, a.id DESC`);
    expect(month).toMatch(/Index (Only )?Scan using articles_\w+_idx/);
    expect(month).not.toMatch(/Seq Scan/);
    const section = await plan(Prisma.sql`SELECT a.id FROM articles a WHERE a.section_id = 1 AND ${pub.publishedSql("a")}
      ORDER BY a.published_at DESC, a.id DESC LIMIT 10`);
    expect(section).toMatch(/Index (Only )?Scan using articles_(reader_section_list|section_id_status_published_at_id)_idx/);
    expect(section).not.toMatch(/Sort/);
  });

  it("matches exactly what isPublished says of a row", async () => {
    const { rows } = await client.query<{ status: string; deleted_at: Date | null; hit: boolean }>(
      `SELECT status, deleted_at, (${pub.publishedSql().text}) AS hit FROM articles WHERE id % 35 IN (0, 5, 7, 1)`,
    );
    expect(new Set(rows.map((r) => `${r.status}/${r.deleted_at !== null}`)).size).toBe(4);
    for (const r of rows) expect(r.hit).toBe(pub.isPublished({ status: r.status, deletedAt: r.deleted_at }));
  });
});
