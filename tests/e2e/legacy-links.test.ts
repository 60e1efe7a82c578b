// Old links of an imported GnuBoard site against the production build: GnuBoard's own URLs
// (/bbs/board.php, /bbs/download.php, the short /{board}/{wr_id} and /{board}/{seo-title}) and
// the zoglo-style /board/read answer 301 to the new addresses, 410 for the bin, the Korean 404
// page for anything unknown or malformed, never 5xx; the portal's own pages stay as they were.
// The mapping rows are written here as the importer writes them (tests/int/import-gnuboard.test.ts
// covers the import itself against a real MariaDB).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { raw } from "./hostile-http";

const base = inject("baseUrl");
const ourOrigins = [base, base.replace("127.0.0.1", "localhost")];
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
const sql = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await pool.query<T>(text, params)).rows;

const BOARD = "gnu_e2e";
const SEO = "연변-소식-제목";
type Fx = { a: number; binned: number; slug: string; key: string; legacyBoard: string; legacyA: number; perBoard: number; legacyB: number; legacyBId: number };
let fx: Fx;

beforeAll(async () => {
  const PUBLISHED = "a.status = 'PUBLISHED' AND a.deleted_at IS NULL AND a.legacy_id IS NOT NULL AND s.legacy_board IS NOT NULL";
  // Well away from the newest articles, which other test files pick.
  const picked = await sql<{ id: number; slug: string; board: string; legacy: number; key: string }>(
    `SELECT a.id, s.slug, s.legacy_board AS board, a.legacy_id AS legacy, i.storage_key AS key
       FROM articles a JOIN sections s ON s.id = a.section_id JOIN images i ON i.id = a.cover_image_id
      WHERE ${PUBLISHED} ORDER BY a.published_at DESC, a.id DESC OFFSET 40 LIMIT 4`,
  );
  const [a, binned, perBoard, legacyB] = picked;
  const [{ id: sectionId }] = await sql<{ id: number }>("SELECT id FROM sections WHERE slug = $1", [a.slug]);
  await sql("UPDATE articles SET deleted_at = now() WHERE id = $1", [binned.id]);
  await sql("INSERT INTO gnuboard_boards (board, section_id, pass_finished_at) VALUES ($1, $2, now()), ($3, $2, now())", [BOARD, sectionId, a.board]);
  await sql(
    `INSERT INTO gnuboard_posts (board, wr_id, article_id, checksum, seo_title) VALUES ($1, 1, $2, 'x', $3), ($1, 2, $4, 'x', NULL), ($5, $6, $7, 'x', NULL)`,
    [BOARD, a.id, SEO, binned.id, a.board, a.legacy, perBoard.id],
  );
  const [{ id: imageId }] = await sql<{ id: number }>("SELECT id FROM images WHERE storage_key = $1", [a.key]);
  await sql("INSERT INTO gnuboard_files (source_path, image_id, checksum, board, wr_id, bf_no) VALUES ('data/file/gnu_e2e/a.jpg', $1, 'x', $2, 1, 0)", [imageId, BOARD]);
  fx = { a: a.id, binned: binned.id, slug: a.slug, key: a.key, legacyBoard: a.board, legacyA: a.legacy, perBoard: perBoard.id, legacyB: legacyB.legacy, legacyBId: legacyB.id };
});

afterAll(async () => {
  if (fx) {
    await sql("UPDATE articles SET deleted_at = NULL WHERE id = $1", [fx.binned]);
    await sql("DELETE FROM gnuboard_posts WHERE board IN ($1, $2)", [BOARD, fx.legacyBoard]);
    await sql("DELETE FROM gnuboard_files WHERE board = $1", [BOARD]);
    await sql("DELETE FROM gnuboard_boards WHERE board IN ($1, $2)", [BOARD, fx.legacyBoard]);
  }
  await pool.end();
});

const moved = async (path: string) => {
  const r = await raw(base, "GET", path);
  const loc = r.headers.location ?? "";
  const origin = ourOrigins.find((o) => loc.startsWith(`${o}/`));
  return { status: r.status, to: origin ? loc.slice(origin.length) : loc };
};

describe("old GnuBoard links", () => {
  it("answer 301 to the article, section and image they became", async () => {
    const cases: [string, string][] = [
      [`/bbs/board.php?bo_table=${BOARD}&wr_id=1`, `/articles/${fx.a}`],
      [`/bbs/board.php?wr_id=1&bo_table=${BOARD}&page=3&sca=%EC%82%AC%ED%9A%8C`, `/articles/${fx.a}`],
      [`/bbs/board.php?bo_table=${BOARD}&wr_seo_title=${encodeURIComponent(SEO)}`, `/articles/${fx.a}`],
      [`/bbs/board.php?bo_table=${BOARD}`, `/categories/${fx.slug}`],
      // No wr_id (PHP's array syntax is another parameter): the board, as GnuBoard would show.
      [`/bbs/board.php?bo_table=${BOARD}&wr_id[]=1`, `/categories/${fx.slug}`],
      [`/${BOARD}/1`, `/articles/${fx.a}`],
      [`/${BOARD}/${encodeURIComponent(SEO)}`, `/articles/${fx.a}`],
      [`/${BOARD}`, `/categories/${fx.slug}`],
      [`/bbs/download.php?bo_table=${BOARD}&wr_id=1&no=0`, `/media/${fx.key}`],
      // The per-board wr_id first, then the zoglo-style legacy id of the old links.
      [`/board/read/${fx.legacyBoard}/${fx.legacyA}/x`, `/articles/${fx.perBoard}`],
      [`/board/read/${fx.legacyBoard}/${fx.legacyB}`, `/articles/${fx.legacyBId}`],
    ];
    const wrong: string[] = [];
    for (const [path, to] of cases) {
      const r = await moved(path);
      if (r.status !== 301 || r.to !== to) wrong.push(`${path}: ${r.status} ${r.to}, expected 301 ${to}`);
    }
    expect(wrong).toEqual([]);
  });

  it("answer 410 for an article in the bin", async () => {
    expect((await raw(base, "GET", `/bbs/board.php?bo_table=${BOARD}&wr_id=2`)).status).toBe(410);
    expect((await raw(base, "GET", `/${BOARD}/2`)).status).toBe(410);
  });

  it("answer the Korean 404 page for unknown, huge, garbage and malformed ids, never 5xx", async () => {
    const HUGE = "99999999999999999999";
    const paths = [
      `/bbs/board.php?bo_table=${BOARD}&wr_id=12345`,
      `/bbs/board.php?bo_table=${BOARD}&wr_id=${HUGE}`,
      `/bbs/board.php?bo_table=${BOARD}&wr_id=-1`,
      `/bbs/board.php?bo_table=${BOARD}&wr_id=1e3`,
      `/bbs/board.php?bo_table=${BOARD}&wr_id=%00`,
      `/bbs/board.php?bo_table=../../etc/passwd&wr_id=1`,
      `/bbs/board.php?bo_table=${"x".repeat(5000)}&wr_id=1`,
      "/bbs/board.php",
      "/bbs/board.php?bo_table=no_such_board",
      `/bbs/board.php?bo_table=${BOARD}&wr_seo_title=${encodeURIComponent("가".repeat(300))}`,
      `/bbs/download.php?bo_table=${BOARD}&wr_id=1&no=5`,
      `/bbs/download.php?bo_table=${BOARD}&wr_id=1&no=-1`,
      `/bbs/download.php?bo_table=${BOARD}&wr_id=1`,
      `/${BOARD}/${HUGE}`,
      `/${BOARD}/12345`,
      `/${BOARD}/${encodeURIComponent("없는-제목")}`,
      `/${BOARD}/1/2`,
      "/no_such_board/1",
      "/no_such_board",
      `/board/read/${fx.legacyBoard}/${HUGE}`,
    ];
    const wrong: string[] = [];
    for (const path of paths) {
      const r = await raw(base, "GET", path);
      if (r.status !== 404) wrong.push(`${path.slice(0, 80)}: ${r.status}`);
      else if (!r.body.includes("페지를 찾을 수 없습니다")) wrong.push(`${path.slice(0, 80)}: no Korean 404 page`);
    }
    expect(wrong).toEqual([]);
    for (const path of [`/${BOARD}/%E0%A4%A`, `/bbs/board.php?bo_table=${BOARD}&wr_seo_title=%E0%A4%A`]) {
      const r = await raw(base, "GET", path);
      expect([400, 404]).toContain(r.status);
    }
  });

  it("never shadow the portal's own pages", async () => {
    for (const path of ["/archive", `/categories/${fx.slug}`, `/articles/${fx.a}`, "/search", "/rss.xml", "/robots.txt"]) {
      expect((await raw(base, "GET", path)).status, path).toBe(200);
    }
  });
});
