// Existing tags offered while the editor types in the "태그" field (newsroom: the primary).
import "server-only";
import { db } from "../db";
import { tagSlug } from "../validations/tags";

/** Up to 8 existing tags whose slug starts with what is being typed. */
export async function suggestTags(prefix: string): Promise<string[]> {
  const slug = tagSlug(prefix);
  if (!slug) return [];
  const rows = await db.tag.findMany({ where: { slug: { startsWith: slug } }, orderBy: { slug: "asc" }, take: 8, select: { name: true } });
  return rows.map((r) => r.name);
}
