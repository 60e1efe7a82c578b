// What surrounds an article on its page: the previous and next article of its section (by
// publishing time), and the section's most read of recent weeks for the right-hand column.
// Both are single index walks (articles_reader_section_list_idx), cached and tagged with the
// section, so publishing in it refreshes them.
import "server-only";
import { unstable_cache } from "next/cache";
import { readDb } from "../read-db";
import { tags, REVALIDATE_SECONDS } from "../cache-tags";
import type { ArticleListItem } from "../types";
import { listSelect, toListItem } from "./mappers";
import { published, publishedSql } from "./published";

export type Neighbour = { id: number; title: string };
export type Neighbours = { prev: Neighbour | null; next: Neighbour | null };

async function neighbour(sectionId: number, publishedAt: Date, id: number, older: boolean): Promise<Neighbour | null> {
  const rows = older
    ? await readDb.$queryRaw<Neighbour[]>`
        SELECT id, title FROM articles WHERE ${publishedSql()} AND section_id = ${sectionId}
          AND (published_at, id) < (${publishedAt}::timestamp, ${id})
        ORDER BY published_at DESC, id DESC LIMIT 1`
    : await readDb.$queryRaw<Neighbour[]>`
        SELECT id, title FROM articles WHERE ${publishedSql()} AND section_id = ${sectionId}
          AND (published_at, id) > (${publishedAt}::timestamp, ${id})
        ORDER BY published_at ASC, id ASC LIMIT 1`;
  return rows[0] ?? null;
}

/** The section's article published just before this one (prev) and just after it (next). */
export function getNeighbours(a: { id: number; sectionId: number; publishedAt: string }): Promise<Neighbours> {
  return unstable_cache(
    async () => {
      const at = new Date(a.publishedAt);
      const [prev, next] = await Promise.all([neighbour(a.sectionId, at, a.id, true), neighbour(a.sectionId, at, a.id, false)]);
      return { prev, next };
    },
    ["neighbours", String(a.id), a.publishedAt],
    { tags: [tags.section(a.sectionId), tags.article(a.id)], revalidate: REVALIDATE_SECONDS },
  )();
}

export const MOST_READ_SIZE = 5;
/** Windows tried in turn, newest publishing time of the section back: a quiet section still fills its list. */
const WINDOW_DAYS = [7, 30, 365] as const;

async function readSectionMostRead(sectionId: number): Promise<ArticleListItem[]> {
  const newest = await readDb.article.findFirst({ where: { sectionId, ...published }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], select: { publishedAt: true } });
  if (!newest?.publishedAt) return [];
  let rows: Parameters<typeof toListItem>[0][] = [];
  for (const days of WINDOW_DAYS) {
    const since = new Date(newest.publishedAt.getTime() - days * 86_400_000);
    // Bounded by the window (at most a year of one section), never the whole table.
    rows = await readDb.article.findMany({
      where: { sectionId, ...published, publishedAt: { gte: since } },
      orderBy: [{ viewCount: "desc" }, { id: "desc" }],
      take: MOST_READ_SIZE,
      select: listSelect,
    });
    if (rows.length >= MOST_READ_SIZE) break;
  }
  return rows.map(toListItem);
}

/** The section's most read articles of its last week of publishing (a month or a year when quiet). */
export const getSectionMostRead = (sectionId: number) =>
  unstable_cache(() => readSectionMostRead(sectionId), ["section-most-read", String(sectionId)], {
    tags: [tags.section(sectionId)],
    revalidate: REVALIDATE_SECONDS,
  })();
