// Sections: the visible ones for readers (cached and tagged), and all of them for the newsroom.
import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "../db";
import { readDb } from "../read-db";
import { tags, REVALIDATE_SECONDS } from "../cache-tags";
import type { Section } from "../types";

const ordered = [{ position: "asc" as const }, { id: "asc" as const }];

export const getSections = unstable_cache(
  async (): Promise<Section[]> =>
    readDb.section.findMany({
      where: { hidden: false },
      orderBy: ordered,
      select: { id: true, slug: true, name: true, position: true, parentId: true, legacyBoard: true },
    }),
  ["sections:visible"],
  { tags: [tags.sections], revalidate: REVALIDATE_SECONDS },
);

export async function getSectionBySlug(slug: string): Promise<Section | null> {
  return (await getSections()).find((s) => s.slug === slug) ?? null;
}

/** Every section, hidden ones too, for the newsroom (per request, never cached). */
export const allSections = () => db.section.findMany({ orderBy: ordered, select: { id: true, slug: true, name: true, hidden: true, position: true } });
