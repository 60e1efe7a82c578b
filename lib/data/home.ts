// The home page's blocks in one cached read.
import "server-only";
import { unstable_cache } from "next/cache";
import { readDb } from "../read-db";
import { tags } from "../cache-tags";
import type { ArticleListItem, SectionRef } from "../types";
import { listSelect, toListItem } from "./mappers";
import { published } from "./published";
import { getSections } from "./sections";

export type HomeData = {
  top: ArticleListItem | null;
  /** The top stories under the lead: an editor's picks (/admin/home), the newest after them. */
  topStories: ArticleListItem[];
  latest: ArticleListItem[];
  boxes: { section: SectionRef; items: ArticleListItem[] }[];
  mostRead: ArticleListItem[];
};

const newest = [{ publishedAt: "desc" }, { id: "desc" }] as const;

/** The lead and the top stories under it. */
export const HOME_SLOTS = 6;

/** Picks still published, in the editor's order: an unpublished or binned pick drops out at once. */
async function readPicks() {
  const rows = await readDb.homePick.findMany({
    where: { article: published },
    orderBy: [{ position: "asc" }, { articleId: "asc" }],
    take: HOME_SLOTS,
    select: { article: { select: listSelect } },
  });
  return rows.map((r) => toListItem(r.article));
}

/**
 * The lead and top stories: the editor's picks still published, in their order; without picks
 * the lead is the newest story with a photo, as before; the slots an editor left empty are
 * filled with the newest stories not shown above them. Also the latest list, without those.
 */
export async function readLead(): Promise<Pick<HomeData, "top" | "topStories" | "latest">> {
  const [picks, topRow, latestRows] = await Promise.all([
    readPicks(),
    readDb.article.findFirst({ where: { ...published, coverImageId: { not: null } }, orderBy: [...newest], select: listSelect }),
    // Enough for the lead, the top stories and ten latest without repeats.
    readDb.article.findMany({ where: published, orderBy: [...newest], take: HOME_SLOTS + 12, select: listSelect }),
  ]);
  const top = picks[0] ?? (topRow ? toListItem(topRow) : null);
  const shown = new Set([top?.id, ...picks.map((p) => p.id)]);
  const latest = latestRows.map(toListItem);
  const topStories = [...picks.slice(1), ...latest.filter((a) => !shown.has(a.id))].slice(0, HOME_SLOTS - 1);
  // The latest list repeats nothing shown beside it in the lead column.
  const above = new Set([top?.id, ...topStories.map((a) => a.id)]);
  return { top, topStories, latest: latest.filter((a) => !above.has(a.id)).slice(0, 10) };
}

async function readHome(): Promise<HomeData> {
  const sections = await getSections();
  const [lead, boxes, mostReadRows] = await Promise.all([
    readLead(),
    Promise.all(
      sections.map(async (s) => ({
        section: { id: s.id, slug: s.slug, name: s.name },
        items: (
          await readDb.article.findMany({ where: { sectionId: s.id, ...published }, orderBy: [...newest], take: 5, select: listSelect })
        ).map(toListItem),
      })),
    ),
    readMostRead(),
  ]);
  return { ...lead, boxes: boxes.filter((b) => b.items.length > 0), mostRead: mostReadRows.map(toListItem) };
}

/** Most read of the last 7 days of publishing (falls back to all time on a quiet archive). */
async function readMostRead() {
  const latest = await readDb.article.findFirst({ where: published, orderBy: [...newest], select: { publishedAt: true } });
  const since = new Date((latest?.publishedAt ?? new Date()).getTime() - 7 * 86_400_000);
  const byViews = [{ viewCount: "desc" }, { id: "desc" }] as const;
  const recent = await readDb.article.findMany({ where: { ...published, publishedAt: { gte: since } }, orderBy: [...byViews], take: 10, select: listSelect });
  if (recent.length >= 10) return recent;
  return readDb.article.findMany({ where: published, orderBy: [...byViews], take: 10, select: listSelect });
}

export const getHome = unstable_cache(readHome, ["home"], { tags: [tags.home], revalidate: 300 });
