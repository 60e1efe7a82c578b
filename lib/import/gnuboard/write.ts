// One batch of converted posts and comments written to PostgreSQL in the caller's transaction:
// new rows get ids from their sequences first (so the mapping rows need no RETURNING order),
// everything goes in as multi-row INSERT/UPDATE ... FROM unnest(), and the tags of
// categories (ca_name) are replaced for the articles written.
import type pg from "pg";
import { searchRow, type SearchRow } from "../../seed/search-rows";

export type ArticleRow = {
  board: string;
  wrId: number;
  articleId: number | null; // null: new
  checksum: string;
  seoTitle: string | null;
  /** The body holds links to old posts through our legacy redirect (rewritten by links.ts). */
  hasLinks: boolean;
  sectionId: number;
  title: string;
  excerpt: string;
  body: string;
  sourceName: string;
  byline: string | null;
  publishedAt: Date;
  updatedAt: Date;
  viewCount: number;
  category: string | null;
  /** The search row, computed while the previous batch is written (new articles only). */
  search?: SearchRow;
};
export type CommentRow = {
  board: string;
  wrId: number;
  commentId: number | null;
  checksum: string;
  articleId: number;
  nickname: string;
  body: string;
  createdAt: Date;
};

/** The columns are `timestamp without time zone` holding UTC, as Prisma writes them. */
const utc = (d: Date) => d.toISOString().slice(0, 23).replace("T", " ");
const IMPORTED_IP = "imported:gnuboard"; // old addresses are not brought across

async function ids(c: pg.Client, seq: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const r = await c.query<{ id: number }>(`SELECT nextval('${seq}')::int AS id FROM generate_series(1, $1)`, [n]);
  return r.rows.map((x) => x.id);
}

export async function writeArticles(c: pg.Client, rows: ArticleRow[], tagSlug: (name: string) => string): Promise<void> {
  const fresh = rows.filter((r) => r.articleId === null);
  const freshIds = await ids(c, "articles_id_seq", fresh.length);
  fresh.forEach((r, i) => (r.articleId = freshIds[i]));
  const col = <T>(list: ArticleRow[], f: (r: ArticleRow) => T) => list.map(f);
  const values = (list: ArticleRow[]) => [
    col(list, (r) => r.articleId), col(list, (r) => r.sectionId), col(list, (r) => r.title), col(list, (r) => r.excerpt), col(list, (r) => r.body),
    col(list, (r) => r.sourceName), col(list, (r) => r.byline), col(list, (r) => utc(r.publishedAt)), col(list, (r) => utc(r.updatedAt)), col(list, (r) => r.viewCount),
  ];
  const unnest = `unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamp(3)[], $9::timestamp(3)[], $10::int[])
    AS v(id, section_id, title, excerpt, body, source_name, byline, published_at, updated_at, view_count)`;
  const changed = rows.filter((r) => !fresh.includes(r));
  if (changed.length) {
    // An editor's later changes to status or the bin are kept; the text follows the source.
    // The search triggers run here as for any edit (the article may be in the bin by now).
    await c.query(
      `UPDATE articles a SET section_id = v.section_id, title = v.title, excerpt = v.excerpt, body = v.body, source_name = v.source_name,
              byline = v.byline, published_at = v.published_at, updated_at = v.updated_at, view_count = GREATEST(a.view_count, v.view_count),
              version = a.version + 1
         FROM ${unnest} WHERE a.id = v.id`,
      values(changed),
    );
  }
  if (fresh.length) {
    // New articles are all published: their search rows and counters are written here in one
    // statement each, the triggers told to stand aside meanwhile (migration 20261204000000).
    await c.query("SET LOCAL portal.bulk_write = 'on'");
    await c.query(
      `INSERT INTO articles (id, section_id, title, excerpt, body, source_name, byline, status, published_at, created_at, updated_at, view_count)
       SELECT id, section_id, title, excerpt, body, source_name, byline, 'PUBLISHED', published_at, published_at, updated_at, view_count FROM ${unnest}`,
      values(fresh),
    );
    const search = fresh.map((r) => r.search ?? searchRow({ title: r.title, subtitle: null, body: r.body, byline: r.byline }));
    await c.query(
      `INSERT INTO article_search (article_id, section_id, published_at, title, body, keys)
       SELECT a, s, p, t, b, k::bigint[] FROM unnest($1::int[], $2::int[], $3::timestamp(3)[], $4::text[], $5::text[], $6::text[]) AS v(a, s, p, t, b, k)`,
      [col(fresh, (r) => r.articleId), col(fresh, (r) => r.sectionId), col(fresh, (r) => utc(r.publishedAt)), search.map((x) => x.title), search.map((x) => x.body), search.map((x) => `{${x.keys.join(",")}}`)],
    );
    await c.query(
      `INSERT INTO article_counters (section_id, published)
       SELECT 0, count(*)::int FROM unnest($1::int[]) UNION ALL SELECT s, count(*)::int FROM unnest($1::int[]) AS s GROUP BY s
       ON CONFLICT (section_id) DO UPDATE SET published = article_counters.published + EXCLUDED.published`,
      [col(fresh, (r) => r.sectionId)],
    );
    await c.query("SET LOCAL portal.bulk_write = 'off'");
  }
  await c.query(
    `INSERT INTO gnuboard_posts (board, wr_id, article_id, checksum, seo_title, has_links)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::boolean[])
     ON CONFLICT (board, wr_id) DO UPDATE SET article_id = EXCLUDED.article_id, checksum = EXCLUDED.checksum, seo_title = EXCLUDED.seo_title, has_links = EXCLUDED.has_links`,
    [col(rows, (r) => r.board), col(rows, (r) => r.wrId), col(rows, (r) => r.articleId), col(rows, (r) => r.checksum), col(rows, (r) => r.seoTitle), col(rows, (r) => r.hasLinks)],
  );
  await writeCategoryTags(c, rows, tagSlug);
}

/** ca_name as the article's one tag from the import (replacing the previous run's). */
async function writeCategoryTags(c: pg.Client, rows: ArticleRow[], tagSlug: (name: string) => string) {
  const changedIds = rows.filter((r) => r.articleId !== null).map((r) => r.articleId!);
  await c.query("DELETE FROM article_tags WHERE article_id = ANY($1) AND position = 0", [changedIds]);
  const tagged = rows.filter((r) => r.category && tagSlug(r.category));
  if (!tagged.length) return;
  const slugs = tagged.map((r) => tagSlug(r.category!));
  await c.query(
    `INSERT INTO tags (slug, name) SELECT DISTINCT ON (s) s, n FROM unnest($1::text[], $2::text[]) AS t(s, n) ON CONFLICT (slug) DO NOTHING`,
    [slugs, tagged.map((r) => r.category!)],
  );
  await c.query(
    `INSERT INTO article_tags (article_id, tag_id, position)
     SELECT v.a, t.id, 0 FROM unnest($1::int[], $2::text[]) AS v(a, s) JOIN tags t ON t.slug = v.s ON CONFLICT DO NOTHING`,
    [tagged.map((r) => r.articleId), slugs],
  );
}

export async function writeComments(c: pg.Client, rows: CommentRow[]): Promise<void> {
  if (!rows.length) return;
  const fresh = rows.filter((r) => r.commentId === null);
  const freshIds = await ids(c, "comments_id_seq", fresh.length);
  fresh.forEach((r, i) => (r.commentId = freshIds[i]));
  const changed = rows.filter((r) => !fresh.includes(r));
  const args = (list: CommentRow[]) => [list.map((r) => r.commentId), list.map((r) => r.articleId), list.map((r) => r.nickname), list.map((r) => r.body), list.map((r) => utc(r.createdAt))];
  const unnest = "unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::timestamp(3)[]) AS v(id, article_id, nickname, body, created_at)";
  if (fresh.length) {
    // Visible comments: each article's count goes up once per batch (migration 20261204000000).
    await c.query("SET LOCAL portal.bulk_write = 'on'");
    await c.query(`INSERT INTO comments (id, article_id, nickname, body, ip_hash, created_at) SELECT id, article_id, nickname, body, '${IMPORTED_IP}', created_at FROM ${unnest}`, args(fresh));
    await c.query(
      `UPDATE articles a SET comment_count = a.comment_count + v.n FROM (SELECT x AS id, count(*)::int AS n FROM unnest($1::int[]) AS x GROUP BY x) v WHERE a.id = v.id`,
      [fresh.map((r) => r.articleId)],
    );
    await c.query("SET LOCAL portal.bulk_write = 'off'");
  }
  if (changed.length) {
    await c.query(`UPDATE comments m SET nickname = v.nickname, body = v.body, created_at = v.created_at FROM ${unnest} WHERE m.id = v.id`, args(changed));
  }
  await c.query(
    `INSERT INTO gnuboard_comments (board, wr_id, comment_id, checksum) SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[])
     ON CONFLICT (board, wr_id) DO UPDATE SET comment_id = EXCLUDED.comment_id, checksum = EXCLUDED.checksum`,
    [rows.map((r) => r.board), rows.map((r) => r.wrId), rows.map((r) => r.commentId), rows.map((r) => r.checksum)],
  );
}
