// Who has an article's edit page open ("○○○ 님이 이 기사를 고치고 있습니다"): each open page
// beats every ~20 s; a row not renewed for PRESENCE_TTL_MS is ignored, and every beat purges
// such rows, so the table holds only pages open now whatever happens to the browsers.
import "server-only";
import { db } from "../../db";
import { STAFF } from "../../auth/roles";
import { presenceInput } from "../../validations/desk";
import { formatDateTime } from "../../china-time";
import { defineAction, done, fail } from "../safe-action";

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

export const heartbeat = defineAction({
  name: "presenceHeartbeat",
  roles: STAFF,
  schema: presenceInput,
  async run(actor, { articleId, tabId }) {
    if (!(await db.article.findUnique({ where: { id: articleId }, select: { id: true } }))) return fail(404, "기사를 찾을 수 없습니다.");
    const now = new Date();
    await db.articlePresence.upsert({
      where: { articleId_userId_tabId: { articleId, userId: actor.id, tabId } },
      create: { articleId, userId: actor.id, tabId, seenAt: now },
      update: { seenAt: now },
    });
    // Bounded by the seen_at index: only rows that went stale since the last beat anywhere.
    await db.articlePresence.deleteMany({ where: { seenAt: { lt: new Date(now.getTime() - PRESENCE_TTL_MS) } } });
    return done("", [], { data: await othersEditing(articleId, { userId: actor.id, tabId }, now) });
  },
});

/** The page is going away (pagehide): its row goes at once rather than after the TTL. */
export const leave = defineAction({
  name: "presenceLeave",
  roles: STAFF,
  schema: presenceInput,
  async run(actor, { articleId, tabId }) {
    await db.articlePresence.deleteMany({ where: { articleId, userId: actor.id, tabId } });
    return done("", []);
  },
});
