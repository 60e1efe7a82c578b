import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "../db";
import { tags, REVALIDATE_SECONDS } from "../cache-tags";
import type { Section } from "../types";

export const getSections = unstable_cache(
  async (): Promise<Section[]> =>
    db.section.findMany({
      where: { hidden: false },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, slug: true, name: true, position: true, parentId: true, legacyBoard: true },
    }),
  ["sections:visible"],
  { tags: [tags.sections], revalidate: REVALIDATE_SECONDS },
);

export async function getSectionBySlug(slug: string): Promise<Section | null> {
  return (await getSections()).find((s) => s.slug === slug) ?? null;
}
