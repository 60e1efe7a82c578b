// An article's tags, written with the article in its save transaction: names become rows of
// `tags` (found by slug, created when new) and `article_tags` keeps the order typed.
import "server-only";
import { tagSlug } from "../../validations/tags";
import type { Prisma } from "../../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Replaces the article's tags with `names` (already cleaned by tagsField). */
export async function writeArticleTags(tx: Tx, articleId: number, names: string[]) {
  const wanted = names.map((name) => ({ name, slug: tagSlug(name) }));
  // Upsert one by one: at most ten, and ON CONFLICT keeps two editors adding the same new tag apart.
  const ids: number[] = [];
  for (const t of wanted) {
    const row = await tx.tag.upsert({ where: { slug: t.slug }, update: {}, create: t, select: { id: true } });
    ids.push(row.id);
  }
  await tx.articleTag.deleteMany({ where: { articleId, tagId: { notIn: ids } } });
  for (const [position, tagId] of ids.entries()) {
    await tx.articleTag.upsert({
      where: { articleId_tagId: { articleId, tagId } },
      update: { position },
      create: { articleId, tagId, position },
    });
  }
}
