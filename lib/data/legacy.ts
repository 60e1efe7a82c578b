// Links of the old site (`/board/read/{board}/{doc_id}/...`) resolved to today's articles.
import "server-only";
import { unstable_cache } from "next/cache";
import { readDb } from "../read-db";
import { tags, REVALIDATE_SECONDS } from "../cache-tags";
import { isPublished } from "./published";

export type LegacyTarget = { id: number; state: "published" | "deleted" } | null;

/** The article imported with this legacy id: published, in the bin, or none (draft, purged, unknown). */
export async function readLegacyArticle(legacyId: number): Promise<LegacyTarget> {
  const r = await readDb.article.findUnique({ where: { legacyId }, select: { id: true, status: true, deletedAt: true } });
  if (!r) return null;
  if (r.deletedAt) return { id: r.id, state: "deleted" };
  return isPublished(r) ? { id: r.id, state: "published" } : null;
}

export const getLegacyArticle = (legacyId: number) =>
  unstable_cache(() => readLegacyArticle(legacyId), ["legacy", String(legacyId)], {
    tags: [tags.archive],
    revalidate: REVALIDATE_SECONDS,
  })();

/** The section that was board `board` on the old site. */
export async function readLegacySection(board: string): Promise<string | null> {
  const s = await readDb.section.findUnique({ where: { legacyBoard: board }, select: { slug: true, hidden: true } });
  return s && !s.hidden ? s.slug : null;
}

export const getLegacySection = (board: string) =>
  unstable_cache(() => readLegacySection(board), ["legacy-board", board], { tags: [tags.sections], revalidate: REVALIDATE_SECONDS })();
