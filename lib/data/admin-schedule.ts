// When the next scheduled article is due (the scheduler's timer aims at it).
import "server-only";
import { db } from "../db";

export async function nextScheduledAt(): Promise<Date | null> {
  const r = await db.article.findFirst({
    where: { status: "SCHEDULED", deletedAt: null },
    orderBy: { publishedAt: "asc" },
    select: { publishedAt: true },
  });
  return r?.publishedAt ?? null;
}
