// Our own migrator (Prisma's schema engine cannot be downloaded here) must behave like
// `prisma migrate deploy`, and the hand-written SQL in the migrations must do its job:
// Hangul trigram search and exact published counts kept by a trigger.
import { beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { migrate, readMigrations } from "../../lib/server/migrate";
import { freshDatabase, withClient } from "../support/db";

let url: string;
beforeAll(async () => {
  url = await freshDatabase("int_migrations");
});

describe("migrate()", () => {
  it("applies every migration once and records it like Prisma does", async () => {
    const files = readMigrations();
    expect(files.length).toBeGreaterThan(0);

    const applied = await migrate(url);
    expect(applied).toEqual(files.map((f) => f.name));

    const rows = await withClient(url, (c) =>
      c.query<{ migration_name: string; checksum: string; finished: boolean; rolled_back: boolean }>(
        `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
           FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    expect(rows.rows).toEqual(files.map((f) => ({ migration_name: f.name, checksum: f.checksum, finished: true, rolled_back: false })));
    for (const r of rows.rows) expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("applies nothing on a second run", async () => {
    expect(await migrate(url)).toEqual([]);
    const n = await withClient(url, (c) => c.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`));
    expect(n.rows[0].n).toBe(readMigrations().length);
  });
});

describe("pg_trgm on Korean text", () => {
  it("yields Hangul trigrams (needs a UTF-8 ctype in the cluster)", async () => {
    await withClient(url, async (c) => {
      // The extension may arrive with a later migration; the cluster must support it either way.
      await c.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      const t = await c.query<{ t: string[] }>(`SELECT show_trgm('한국어 뉴스') AS t`);
      // Under the C locale Hangul is no word character and this is empty. Multibyte trigrams
      // print as hashes (0x...): 4 for 한국어 ("  한", " 한국", "한국어", "국어 ") + 3 for 뉴스.
      expect(t.rows[0].t).toHaveLength(7);
      const s = await c.query<{ s: number }>(`SELECT similarity('대통령 선거', '대통령 선거 결과') AS s`);
      expect(s.rows[0].s).toBeGreaterThan(0.5);
    });
  });
});

describe("article_counters trigger", () => {
  let c: pg.Client;
  let a: number; // section ids
  let b: number;

  /** Counter rows as a map, with the truth computed by COUNT(*) alongside. */
  async function counters() {
    const kept = await c.query<{ section_id: number; published: number }>(`SELECT section_id, published FROM article_counters`);
    const truth = await c.query<{ section_id: number; n: number }>(
      `SELECT coalesce(section_id, 0) AS section_id, count(*)::int AS n FROM articles
        WHERE status = 'PUBLISHED' AND deleted_at IS NULL GROUP BY ROLLUP (section_id)`,
    );
    const k = new Map(kept.rows.map((r) => [r.section_id, r.published]));
    const t = new Map(truth.rows.map((r) => [r.section_id, r.n]));
    return { kept: (id: number) => k.get(id) ?? 0, truth: (id: number) => t.get(id) ?? 0 };
  }

  async function expectCounts(total: number, inA: number, inB: number) {
    const x = await counters();
    expect({ total: x.kept(0), a: x.kept(a), b: x.kept(b) }).toEqual({ total, a: inA, b: inB });
    expect({ total: x.truth(0), a: x.truth(a), b: x.truth(b) }).toEqual({ total, a: inA, b: inB });
  }

  async function insert(section: number, status: string, deleted = false): Promise<number> {
    const r = await c.query<{ id: number }>(
      `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at, deleted_at)
       VALUES ($1, '제목', '요약', '<p>본문</p>', '연변일보', $2::"ArticleStatus", now(), now(), $3) RETURNING id`,
      [section, status, deleted ? new Date() : null],
    );
    return r.rows[0].id;
  }
  const update = (sql: string, ...params: unknown[]) => c.query(`UPDATE articles SET ${sql}`, params);

  beforeAll(async () => {
    const db = await freshDatabase("int_counters");
    await migrate(db);
    c = new pg.Client({ connectionString: db });
    await c.connect();
    const s = await c.query<{ id: number }>(`INSERT INTO sections (slug, name) VALUES ('a', '정치'), ('b', '경제') RETURNING id`);
    [a, b] = s.rows.map((r) => r.id);
    return () => c.end();
  });

  it("counts inserts of published articles only", async () => {
    await insert(a, "DRAFT");
    await insert(a, "PENDING");
    await insert(a, "SCHEDULED");
    await insert(a, "PUBLISHED");
    await insert(a, "PUBLISHED");
    await insert(b, "PUBLISHED");
    await insert(b, "PUBLISHED", true); // already soft-deleted: not counted
    await expectCounts(3, 2, 1);
  });

  it("follows publishing and unpublishing", async () => {
    const id = await insert(a, "DRAFT");
    await update(`status = 'PUBLISHED' WHERE id = $1`, id);
    await expectCounts(4, 3, 1);
    await update(`status = 'DRAFT' WHERE id = $1`, id);
    await expectCounts(3, 2, 1);
    await update(`status = 'DRAFT' WHERE id = $1`, id); // no-op update changes nothing
    await expectCounts(3, 2, 1);
  });

  it("follows moves between sections", async () => {
    const id = await insert(a, "PUBLISHED");
    await expectCounts(4, 3, 1);
    await update(`section_id = $2 WHERE id = $1`, id, b);
    await expectCounts(4, 2, 2);
    const draft = await insert(a, "DRAFT");
    await update(`section_id = $2 WHERE id = $1`, draft, b); // drafts are not counted anywhere
    await expectCounts(4, 2, 2);
    await update(`section_id = $2, status = 'PUBLISHED' WHERE id = $1`, draft, a); // move and publish at once
    await expectCounts(5, 3, 2);
  });

  it("follows soft deletion and restoring", async () => {
    const id = await insert(b, "PUBLISHED");
    await expectCounts(6, 3, 3);
    await update(`deleted_at = now() WHERE id = $1`, id);
    await expectCounts(5, 3, 2);
    await update(`section_id = $2 WHERE id = $1`, id, a); // moving a deleted article counts nothing
    await expectCounts(5, 3, 2);
    await update(`deleted_at = NULL WHERE id = $1`, id);
    await expectCounts(6, 4, 2);
  });

  it("follows hard deletes, including of soft-deleted rows", async () => {
    const id = await insert(a, "PUBLISHED");
    await expectCounts(7, 5, 2);
    await c.query(`DELETE FROM articles WHERE id = $1`, [id]);
    await expectCounts(6, 4, 2);
    const gone = await insert(b, "PUBLISHED");
    await update(`deleted_at = now() WHERE id = $1`, gone);
    await c.query(`DELETE FROM articles WHERE id = $1`, [gone]); // must not be subtracted twice
    await expectCounts(6, 4, 2);
    await c.query(`DELETE FROM articles WHERE status <> 'PUBLISHED'`);
    await expectCounts(6, 4, 2);
  });

  it("stays exact under multi-row statements", async () => {
    for (let i = 0; i < 5; i++) await insert(i % 2 ? a : b, "DRAFT");
    await update(`status = 'PUBLISHED' WHERE status = 'DRAFT'`);
    await expectCounts(11, 6, 5);
    await update(`section_id = $1 WHERE section_id = $2`, a, b);
    await expectCounts(11, 11, 0);
    await c.query(`DELETE FROM articles`);
    await expectCounts(0, 0, 0);
  });
});
