// Who has an article's edit page open ("○○○ 님이 이 기사를 고치고 있습니다"): each open page
// beats every ~20 s; a row not renewed for PRESENCE_TTL_MS is ignored (lib/data/presence.ts),
// and every beat purges such rows, so the table holds only pages open now whatever happens
// to the browsers.
import "server-only";
import { db } from "../../db";
import { STAFF } from "../../auth/roles";
import { presenceInput } from "../../validations/desk";
import { PRESENCE_TTL_MS, othersEditing } from "../../data/presence";
import { defineAction, done, fail } from "../safe-action";

export { PRESENCE_TTL_MS, othersEditing, type Editing } from "../../data/presence";

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
