// The closing pass of a run: links between old posts were written as our own legacy redirect
// (/bbs/board.php?bo_table=…&wr_id=…, which answers 301) because a post may link to one that
// is imported later; now every target is known, they point straight at the articles.
import type pg from "pg";
import { articlePath } from "../../urls";

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export async function rewriteLegacyLinks(c: pg.Client, siteUrl: string): Promise<number> {
  const prefix = `${siteUrl}/bbs/board.php?bo_table=`;
  const link = new RegExp(`${escapeRe(prefix)}([0-9A-Za-z_]+)&amp;wr_id=(\\d+)`, "g");
  // Only the posts whose body was written with such links (not a scan of every body).
  const r = await c.query<{ id: number; body: string }>(
    `SELECT a.id, a.body FROM gnuboard_posts g JOIN articles a ON a.id = g.article_id WHERE g.has_links AND strpos(a.body, $1) > 0`,
    [prefix],
  );
  if (!r.rows.length) return 0;
  const wanted = new Set<string>();
  for (const a of r.rows) for (const m of a.body.matchAll(link)) wanted.add(`${m[1]}:${m[2]}`);
  const keys = [...wanted].map((k) => k.split(":"));
  const t = await c.query<{ board: string; wr_id: number; article_id: number }>(
    `SELECT g.board, g.wr_id, g.article_id FROM gnuboard_posts g JOIN unnest($1::text[], $2::int[]) AS k(b, w) ON g.board = k.b AND g.wr_id = k.w`,
    [keys.map((k) => k[0]), keys.map((k) => Number(k[1]))],
  );
  const target = new Map(t.rows.map((x) => [`${x.board}:${x.wr_id}`, x.article_id]));
  let changed = 0;
  for (const a of r.rows) {
    const body = a.body.replace(link, (m, board: string, wrId: string) => {
      const id = target.get(`${board}:${wrId}`);
      return id ? `${siteUrl}${articlePath(id)}` : m; // not imported: the redirect answers 404 as the old site would
    });
    if (body !== a.body) {
      await c.query("UPDATE articles SET body = $2 WHERE id = $1", [a.id, body]);
      changed++;
    }
    // Links to posts never imported stay on the redirect (which answers 404, as the old site would).
    if (!link.test(body)) await c.query("UPDATE gnuboard_posts SET has_links = false WHERE article_id = $1", [a.id]);
    link.lastIndex = 0;
  }
  return changed;
}
