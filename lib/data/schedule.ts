// What scheduling means, once. An article is scheduled when its status is SCHEDULED and it is
// not in the bin; its published_at is then the moment it goes public (China time is only how
// editors type it, see parseScheduleTime in lib/validations/article.ts). It is due once that
// moment has come: publishDue (lib/actions/core/publish-due.ts) flips exactly the due rows,
// and the in-process timer (lib/scheduler.ts) aims at nextScheduledAt.
import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";

/** Scheduled articles as a Prisma where-object. */
export const scheduled = { status: "SCHEDULED", deletedAt: null } as const;

/** The due rows of `articles` at `now`, in raw SQL (the status index's leading column). */
export const dueSql = (now: Date) => Prisma.sql`status = 'SCHEDULED' AND deleted_at IS NULL AND published_at <= ${now}`;

export const isDue = (at: Date | null, now: Date) => at !== null && at.getTime() <= now.getTime();

/** A change from or to SCHEDULED moves the next due time, so the timer must be re-aimed. */
export const touchesSchedule = (...statuses: (string | null | undefined)[]) => statuses.includes("SCHEDULED");

export async function nextScheduledAt(): Promise<Date | null> {
  const r = await db.article.findFirst({ where: scheduled, orderBy: { publishedAt: "asc" }, select: { publishedAt: true } });
  return r?.publishedAt ?? null;
}
