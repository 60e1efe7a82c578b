// Who else has an article's edit page open, from the rows the pages' heartbeats keep
// (lib/actions/core/presence.ts). Per request, never cached.
import "server-only";
import { db } from "../db";
import { formatDateTime } from "../china-time";

export const PRESENCE_TTL_MS = 2 * 60_000;

/** Another open edit page of this article: `self` when it is the asking person's other tab. */
export type Editing = { name: string; self: boolean; lastSeen: string };

/**
 * Who else has `articleId` open, newest first, one line per person. With `tabId` null (the
 * page's first render, which does not know its tab yet) the asking person's own rows are
 * left out: one of them may be this very tab before a reload. Its first heartbeat, at once,
 * adds their other tabs.
 */
export async function othersEditing(articleId: number, me: { userId: number; tabId: string | null }, now = new Date()): Promise<Editing[]> {
  const rows = await db.articlePresence.findMany({
    where: { articleId, seenAt: { gte: new Date(now.getTime() - PRESENCE_TTL_MS) } },
    orderBy: { seenAt: "desc" },
    take: 20,
  });
  const others = rows.filter((r) => r.userId !== me.userId || (me.tabId !== null && r.tabId !== me.tabId));
  const users = await db.user.findMany({ where: { id: { in: [...new Set(others.map((r) => r.userId))] } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const seen = new Set<number>();
  const out: Editing[] = [];
  for (const r of others) {
    if (seen.has(r.userId)) continue; // newest row per person (rows are newest first)
    seen.add(r.userId);
    out.push({ name: names.get(r.userId) ?? "(알 수 없음)", self: r.userId === me.userId, lastSeen: formatDateTime(r.seenAt).slice(11) });
  }
  return out;
}

