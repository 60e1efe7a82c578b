// What the benchmark needs to know about the seeded database: which article, section and
// page numbers to request.
import pg from "pg";

export type Facts = {
  archiveTotal: number;
  archiveLastPage: number;
  section: { id: number; slug: string; name: string; total: number; lastPage: number };
  /** Newest published articles first: [0] is the hot article, the next ones are for writes. */
  newest: number[];
  /** Two disjoint sets of random published ids (cache-miss runs at 10 and 50 connections). */
  spread: [number[], number[]];
  /** A few more random ids nothing else requests: cold renders that are surely not prerendered. */
  cold: number[];
};

export const PAGE_SIZE = 10;

export async function readFacts(url: string, spreadSize: number): Promise<Facts> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const archive = await c.query<{ published: number }>("SELECT published FROM article_counters WHERE section_id = 0");
    const archiveTotal = archive.rows[0]?.published ?? 0;
    if (archiveTotal < PAGE_SIZE * 12) throw new Error(`only ${archiveTotal} published articles: seed more (--articles)`);
    // The biggest visible section: its last page is the deepest one a reader can reach.
    const s = await c.query<{ id: number; slug: string; name: string; published: number }>(
      `SELECT s.id, s.slug, s.name, ac.published FROM sections s JOIN article_counters ac ON ac.section_id = s.id
       WHERE NOT s.hidden ORDER BY ac.published DESC, s.position LIMIT 1`,
    );
    const sec = s.rows[0];
    const newest = await c.query<{ id: number }>(
      `SELECT id FROM articles WHERE status = 'PUBLISHED' AND deleted_at IS NULL ORDER BY published_at DESC, id DESC LIMIT 5`,
    );
    const random = await c.query<{ id: number }>(
      `SELECT id FROM articles WHERE status = 'PUBLISHED' AND deleted_at IS NULL AND id <> ALL($1::int[]) ORDER BY random() LIMIT $2`,
      [newest.rows.map((r) => r.id), spreadSize * 2 + 5],
    );
    const ids = random.rows.map((r) => r.id);
    return {
      archiveTotal,
      archiveLastPage: Math.ceil(archiveTotal / PAGE_SIZE),
      section: { ...sec, total: sec.published, lastPage: Math.ceil(sec.published / PAGE_SIZE) },
      newest: newest.rows.map((r) => r.id),
      spread: [ids.slice(0, spreadSize), ids.slice(spreadSize, spreadSize * 2)],
      cold: ids.slice(spreadSize * 2),
    };
  } finally {
    await c.end();
  }
}
