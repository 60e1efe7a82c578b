// Comment moderation: hide, restore (one or many), delete, block a commenter's IP hash (from
// a comment or a typed address) for a while with a reason, and the banned-words list.
import "server-only";
import { db } from "../../db";
import { tags } from "../../cache-tags";
import { EDITORS } from "../../auth/roles";
import { formatDateTime } from "../../china-time";
import { commentId, unblockInput } from "../../validations/admin";
import { bannedWordsInput, blockAddressInput, blockInput, blockReasonText } from "../../validations/moderation";
import { bulkCommentsInput } from "../../validations/bulk";
import { BANNED_WORDS_SETTING } from "../../comments/banned-words";
import { clientIpHash } from "../../comments/ip-hash";
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

/** Blocks `ipHash` until `days` from now; optionally hides everything it has posted. */
async function block(actorId: number, ipHash: string, days: number, reason: string, hideAll: boolean) {
  const until = new Date(Date.now() + days * 86_400_000);
  await db.commentIpBlock.create({ data: { ipHash, until, reason, createdById: actorId } });
  let hidden: number[] = [];
  if (hideAll) {
    const rows = await db.comment.findMany({ where: { ipHash, status: "VISIBLE" }, select: { articleId: true } });
    await db.comment.updateMany({ where: { ipHash, status: "VISIBLE" }, data: { status: "HIDDEN" } });
    hidden = rows.map((r) => r.articleId);
  }
  const extra = hideAll ? ` 이 작성자의 댓글 ${hidden.length}개를 숨겼습니다.` : "";
  return done(`${formatDateTime(until)}까지 이 작성자의 댓글을 막았습니다.${extra}`, touched(hidden));
}

/** Blocks the IP hash a comment came from. */
export const blockCommenter = defineAction({
  name: "blockCommenter",
  roles: EDITORS,
  schema: blockInput,
  async run(actor, { commentId: id, days, reasonCode, reason, hideAll }) {
    const c = await db.comment.findUnique({ where: { id }, select: { ipHash: true } });
    if (!c) return fail(404, NOT_FOUND);
    return block(actor.id, c.ipHash, days, blockReasonText(reasonCode, reason), hideAll);
  },
});

/** Blocks an address the editor types (hashed as the comment path hashes a reader's). */
export const blockAddress = defineAction({
  name: "blockAddress",
  roles: EDITORS,
  schema: blockAddressInput,
  async run(actor, { ip, days, reasonCode, reason, hideAll }) {
    return block(actor.id, await clientIpHash(db, ip), days, blockReasonText(reasonCode, reason), hideAll);
  },
});

/** Hides or shows the ticked comments; tells how many changed. */
export const bulkComments = defineAction({
  name: "bulkComments",
  roles: EDITORS,
  schema: bulkCommentsInput,
  async run(_actor, { op, ids }) {
    const status = op === "hide" ? "HIDDEN" : "VISIBLE";
    const rows = await db.comment.updateManyAndReturn({
      where: { id: { in: ids }, status: { not: status } },
      data: { status },
      select: { articleId: true },
    });
    const missing = ids.length - (await db.comment.count({ where: { id: { in: ids } } }));
    const parts = [`${rows.length}개 ${op === "hide" ? "숨김" : "다시 보임"}`];
    const same = ids.length - rows.length - missing;
    if (same) parts.push(`${same}개 그대로`);
    if (missing) parts.push(`${missing}개 찾을 수 없음`);
    return done(parts.join(", "), touched(rows.map((r) => r.articleId)));
  },
});

/** The banned-words list (one setting); new comments are checked against it (lib/comments/post.ts). */
export const saveBannedWords = defineAction({
  name: "saveBannedWords",
  roles: EDITORS,
  schema: bannedWordsInput,
  async run(_actor, { words }) {
    const value = words.join(", ");
    await db.setting.upsert({ where: { key: BANNED_WORDS_SETTING }, create: { key: BANNED_WORDS_SETTING, value }, update: { value, updatedAt: new Date() } });
    return done(words.length ? `금지어 ${words.length}개를 저장했습니다.` : "금지어를 모두 지웠습니다.", [tags.bannedWords]);
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
