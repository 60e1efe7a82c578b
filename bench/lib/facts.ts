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
  /** Ids for the cold renders-per-second run (bench/lib/scale.ts), requested by nothing else. */
  coldMany: number[];
};

/** How many articles the cold renders-per-second run asks for. */
export const COLD_RENDERS = 80;

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
      // Random ids probed through the primary key (ORDER BY random() would read a million rows).
      `SELECT a.id FROM (SELECT DISTINCT lo + floor(random() * (hi - lo + 1))::int AS id
                          FROM (SELECT min(id) AS lo, max(id) AS hi FROM articles) m, generate_series(1, $2 * 4)) r
       JOIN articles a ON a.id = r.id
       WHERE a.status = 'PUBLISHED' AND a.deleted_at IS NULL AND a.id <> ALL($1::int[]) ORDER BY random() LIMIT $2`,
      [newest.rows.map((r) => r.id), spreadSize * 2 + 5 + COLD_RENDERS],
    );
    const ids = random.rows.map((r) => r.id);
    return {
      archiveTotal,
      archiveLastPage: Math.ceil(archiveTotal / PAGE_SIZE),
      section: { ...sec, total: sec.published, lastPage: Math.ceil(sec.published / PAGE_SIZE) },
      newest: newest.rows.map((r) => r.id),
      spread: [ids.slice(0, spreadSize), ids.slice(spreadSize, spreadSize * 2)],
      cold: ids.slice(spreadSize * 2, spreadSize * 2 + 5),
      coldMany: ids.slice(spreadSize * 2 + 5),
    };
  } finally {
    await c.end();
  }
}
