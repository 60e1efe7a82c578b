// After the COPY: the rows of the triggers the seed switched off that it did not write
// itself, refilled in one statement each, and a check that what it did write is what the
// triggers would have written.
import type pg from "pg";

/** article_images_sync() for the new articles: the photos each body links to, its cover and social image. */
export async function fillArticleImages(client: pg.Client, firstId: number) {
  await client.query(
    `INSERT INTO article_images (article_id, image_id)
     SELECT a.id, x FROM articles a, LATERAL article_image_ids(a.body, a.cover_image_id, a.social_image_id) AS x
      WHERE a.id >= $1
     ON CONFLICT DO NOTHING`,
    [firstId],
  );
}

/** article_counters_apply() in one pass: published totals per section, row 0 for the archive. */
export async function rebuildCounters(client: pg.Client) {
  await client.query("DELETE FROM article_counters");
  await client.query(
    `INSERT INTO article_counters (section_id, published)
     SELECT 0, count(*)::int FROM articles WHERE status = 'PUBLISHED' AND deleted_at IS NULL
     UNION ALL
     SELECT s.id, count(a.id)::int FROM sections s
       LEFT JOIN articles a ON a.section_id = s.id AND a.status = 'PUBLISHED' AND a.deleted_at IS NULL
     GROUP BY s.id`,
  );
}

const SAME_AS_TRIGGERS = `
  WITH a AS (
    SELECT id, section_id, published_at, status = 'PUBLISHED' AND deleted_at IS NULL AND published_at IS NOT NULL AS public,
           search_fold(title) AS t, search_fold(concat_ws(' ', subtitle, search_html_text(body), byline)) AS b
      FROM articles WHERE id = ANY($1::int[])
  )
  SELECT a.id FROM a
    LEFT JOIN article_search s ON s.article_id = a.id
    LEFT JOIN article_desk_search d ON d.article_id = a.id
   WHERE CASE WHEN a.public
     THEN d.article_id IS NOT NULL OR s.article_id IS NULL OR (s.section_id, s.published_at, s.title, s.body, s.keys)
          IS DISTINCT FROM (a.section_id, a.published_at, a.t, a.b, search_row_keys(a.t, a.b))
     ELSE s.article_id IS NOT NULL OR d.article_id IS NULL OR (d.title, d.body, d.keys) IS DISTINCT FROM (a.t, a.b, search_row_keys(a.t, a.b))
   END`;

/**
 * Recomputes the search rows of `sample` articles with the triggers' own SQL functions and
 * fails the seed (rolling it back) if one differs: the TypeScript twin must never drift.
 */
export async function checkSearchRows(client: pg.Client, firstId: number, total: number, sample = 300) {
  const ids = Array.from({ length: Math.min(sample, total) }, (_, i) => firstId + Math.floor((i * total) / Math.min(sample, total)));
  const bad = await client.query<{ id: number }>(SAME_AS_TRIGGERS, [ids]);
  if (bad.rows.length) {
    throw new Error(`search rows of articles ${bad.rows.slice(0, 5).map((r) => r.id).join(", ")} differ from what the triggers write (lib/seed/search-rows.ts is out of step with the migrations)`);
  }
  const counts = await client.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM article_search WHERE article_id >= $1)::int + (SELECT count(*) FROM article_desk_search WHERE article_id >= $1)::int AS n`,
    [firstId],
  );
  if (counts.rows[0].n !== total) throw new Error(`${counts.rows[0].n} search rows for ${total} new articles`);
}
