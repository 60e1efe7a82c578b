// The editors' view of the home page's picks (/admin/home): per request, never cached.
import "server-only";
import { db } from "../db";
import { published } from "./published";
import { CONTROL } from "../validations/tags";

export async function listHomePicks() {
  const rows = await db.homePick.findMany({
    orderBy: [{ position: "asc" }, { articleId: "asc" }],
    select: { articleId: true, article: { select: { id: true, title: true, status: true, deletedAt: true, publishedAt: true } } },
  });
  return rows.map((r) => ({ ...r.article, live: r.article.status === "PUBLISHED" && !r.article.deletedAt }));
}

/** Published articles to pick from: by number, or newest whose title holds every word (bounded). */
export async function findPickable(q: string, take = 20) {
  const text = q.normalize("NFC").replace(CONTROL, " ").trim();
  if (!text) return [];
  const id = /^\d{1,9}$/.test(text) ? Number(text) : null; // 9 digits: always an INT4
  const words = text.split(/\s+/).slice(0, 5);
  return db.article.findMany({
    where: { ...published, OR: [...(id ? [{ id }] : []), { AND: words.map((w) => ({ title: { contains: w, mode: "insensitive" as const } })) }] },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, title: true, publishedAt: true },
  });
}
