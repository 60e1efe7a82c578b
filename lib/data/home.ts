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
  latest: ArticleListItem[];
  boxes: { section: SectionRef; items: ArticleListItem[] }[];
  mostRead: ArticleListItem[];
};

const newest = [{ publishedAt: "desc" }, { id: "desc" }] as const;

async function readHome(): Promise<HomeData> {
  const sections = await getSections();
  const [topRow, latestRows, boxes, mostReadRows] = await Promise.all([
    readDb.article.findFirst({ where: { ...published, coverImageId: { not: null } }, orderBy: [...newest], select: listSelect }),
    readDb.article.findMany({ where: published, orderBy: [...newest], take: 12, select: listSelect }),
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
  const top = topRow ? toListItem(topRow) : null;
  return {
    top,
    latest: latestRows.map(toListItem).filter((a) => a.id !== top?.id).slice(0, 10),
    boxes: boxes.filter((b) => b.items.length > 0),
    mostRead: mostReadRows.map(toListItem),
  };
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
