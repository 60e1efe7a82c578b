// Comment moderation: hide, restore, delete, and block a commenter's IP hash for a while.
import "server-only";
import { db } from "../../db";
import { tags } from "../../cache-tags";
import { EDITORS } from "../../auth/roles";
import { formatDateTime } from "../../china-time";
import { blockInput, commentId, unblockInput } from "../../validations/admin";
import { defineAction, done, fail } from "../safe-action";

const NOT_FOUND = "댓글을 찾을 수 없습니다.";
const touched = (articleIds: number[]) => [...new Set(articleIds)].flatMap((id) => [tags.comments(id), tags.article(id)]);

function setStatus(name: string, status: "VISIBLE" | "HIDDEN", message: string) {
  return defineAction({
    name,
    roles: EDITORS,
    schema: commentId,
    async run(_actor, { id }) {
      const c = await db.comment.findUnique({ where: { id }, select: { articleId: true, status: true } });
      if (!c) return fail(404, NOT_FOUND);
      if (c.status === status) return done(message, []);
      await db.comment.update({ where: { id }, data: { status } });
      return done(message, touched([c.articleId]));
    },
  });
}

export const hideComment = setStatus("hideComment", "HIDDEN", "댓글을 숨겼습니다.");
export const showComment = setStatus("showComment", "VISIBLE", "댓글을 다시 보이게 했습니다.");

export const deleteComment = defineAction({
  name: "deleteComment",
  roles: EDITORS,
  schema: commentId,
  async run(_actor, { id }) {
    const c = await db.comment.findUnique({ where: { id }, select: { articleId: true } });
    if (!c) return fail(404, NOT_FOUND);
    await db.comment.delete({ where: { id } });
    return done("댓글을 지웠습니다.", touched([c.articleId]));
  },
});

/** Blocks the IP hash a comment came from; optionally hides everything it has posted. */
export const blockCommenter = defineAction({
  name: "blockCommenter",
  roles: EDITORS,
  schema: blockInput,
  async run(actor, { commentId: id, days, reason, hideAll }) {
    const c = await db.comment.findUnique({ where: { id }, select: { ipHash: true } });
    if (!c) return fail(404, NOT_FOUND);
    const until = new Date(Date.now() + days * 86_400_000);
    await db.commentIpBlock.create({ data: { ipHash: c.ipHash, until, reason, createdById: actor.id } });
    let hidden: number[] = [];
    if (hideAll) {
      const rows = await db.comment.findMany({ where: { ipHash: c.ipHash, status: "VISIBLE" }, select: { articleId: true } });
      await db.comment.updateMany({ where: { ipHash: c.ipHash, status: "VISIBLE" }, data: { status: "HIDDEN" } });
      hidden = rows.map((r) => r.articleId);
    }
    const extra = hideAll ? ` 이 작성자의 댓글 ${hidden.length}개를 숨겼습니다.` : "";
    return done(`${formatDateTime(until)}까지 이 작성자의 댓글을 막았습니다.${extra}`, touched(hidden));
  },
});

export const unblockCommenter = defineAction({
  name: "unblockCommenter",
  roles: EDITORS,
  schema: unblockInput,
  async run(_actor, { blockId }) {
    const b = await db.commentIpBlock.findUnique({ where: { id: blockId }, select: { id: true } });
    if (!b) return fail(404, "차단 기록을 찾을 수 없습니다.");
    await db.commentIpBlock.update({ where: { id: blockId }, data: { until: new Date() } });
    return done("차단을 풀었습니다.", []);
  },
});
