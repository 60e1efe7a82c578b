// Moving an article between draft, review, schedule, publication and the bin, and restoring
// an earlier revision. Each returns exactly the cache tags the change touches.
import "server-only";
import { db } from "../../db";
import { canEditArticle, canTrashArticle, EDITORS, STAFF } from "../../auth/roles";
import { formatDateTime } from "../../china-time";
import { articleId, parseScheduleTime, revisionInput, scheduleInput, SCHEDULE_INVALID } from "../../validations/article";
import { touchesSchedule } from "../../data/schedule";
import { defineAction, done, fail } from "../safe-action";
import { BUMP, IN_BIN, conflictMessage, NOT_FOUND, loadArticle, publicTags, snapshot, writeIfCurrent } from "./article-shared";
import { announceBinned, announceRestored } from "../../data/gone";

export const publishArticle = defineAction({
  name: "publishArticle",
  roles: EDITORS,
  schema: articleId,
  async run(actor, { id }) {
    const a = await loadArticle(id);
    if (!a) return fail(404, NOT_FOUND);
    if (a.deletedAt) return fail(409, IN_BIN);
    if (a.status === "PUBLISHED") return done("이미 게시된 기사입니다.", []);
    if (!a.body.trim() || !a.sourceName) return fail(409, "본문과 출처를 채운 뒤에 게시할 수 있습니다.");
    // Publishes exactly the text just read (and kept as the revision): if a save slipped in
    // between, refuse rather than publish words nobody reviewed.
    const after = await db.$transaction(async (tx) => {
      const r = await writeIfCurrent(tx, id, a.version, { status: "PUBLISHED", publishedAt: new Date() });
      if (r) await tx.articleRevision.create({ data: snapshot({ ...a, status: "PUBLISHED" }, id, "PUBLISH", actor.id) });
      return r;
    });
    if (!after) return fail(409, await conflictMessage(id, "page"));
    return done("게시했습니다.", publicTags(id, a, after), { rearm: touchesSchedule(a.status) });
  },
});

export const scheduleArticle = defineAction({
  name: "scheduleArticle",
  roles: EDITORS,
  schema: scheduleInput,
  async run(actor, { id, scheduledAt }) {
    const t = parseScheduleTime(scheduledAt, new Date());
    if (!t.ok) return fail(400, SCHEDULE_INVALID, { scheduledAt: [t.error] });
    const { at } = t;
    const a = await loadArticle(id);
    if (!a) return fail(404, NOT_FOUND);
    if (a.deletedAt) return fail(409, IN_BIN);
    if (!a.body.trim() || !a.sourceName) return fail(409, "본문과 출처를 채운 뒤에 예약할 수 있습니다.");
    const after = await db.$transaction(async (tx) => {
      const r = await writeIfCurrent(tx, id, a.version, { status: "SCHEDULED", publishedAt: at });
      if (r) await tx.articleRevision.create({ data: snapshot({ ...a, status: "SCHEDULED" }, id, "PUBLISH", actor.id) });
      return r;
    });
    if (!after) return fail(409, await conflictMessage(id, "page"));
    return done(`${formatDateTime(at)} (중국시간)에 게시되도록 예약했습니다.`, publicTags(id, a, after), { rearm: true });
  },
});

export const unpublishArticle = defineAction({
  name: "unpublishArticle",
  roles: EDITORS,
  schema: articleId,
  async run(_actor, { id }) {
    const a = await loadArticle(id);
    if (!a) return fail(404, NOT_FOUND);
    if (a.status !== "PUBLISHED" && a.status !== "SCHEDULED") return done("게시되거나 예약된 기사가 아닙니다.", []);
    const after = await db.article.update({ where: { id }, data: { status: "DRAFT", ...BUMP }, select: { status: true, sectionId: true, deletedAt: true } });
    return done(a.status === "SCHEDULED" ? "예약을 취소하고 초안으로 돌렸습니다." : "게시를 취소했습니다. 독자에게 더는 보이지 않습니다.", publicTags(id, a, after), {
      rearm: touchesSchedule(a.status),
    });
  },
});

export const submitArticle = defineAction({
  name: "submitArticle",
  roles: STAFF,
  schema: articleId,
  async run(actor, { id }) {
    const a = await loadArticle(id);
    if (!a) return fail(404, NOT_FOUND);
    if (!canEditArticle(actor, a)) return fail(403, "이 기사를 고칠 권한이 없습니다.");
    if (a.status !== "DRAFT") return done("초안만 검토를 요청할 수 있습니다.", []);
    await db.article.update({ where: { id }, data: { status: "PENDING", sendBackId: null, ...BUMP } });
    return done("검토를 요청했습니다.", []);
  },
});

export const trashArticle = defineAction({
  name: "trashArticle",
  roles: STAFF,
  schema: articleId,
  async run(actor, { id }) {
    const a = await loadArticle(id);
    if (!a) return fail(404, NOT_FOUND);
    if (a.deletedAt) return done("이미 휴지통에 있습니다.", []);
    if (!canTrashArticle(actor, a)) return fail(403, "이 기사를 지울 권한이 없습니다.");
    const after = await db.article.update({ where: { id }, data: { deletedAt: new Date(), ...BUMP }, select: { status: true, sectionId: true, deletedAt: true } });
    await announceBinned(id); // 410 at once here (proxy.ts) and on every other instance (NOTIFY)
    return done("휴지통으로 옮겼습니다. 휴지통에서 되살릴 수 있습니다.", publicTags(id, a, after), { rearm: touchesSchedule(a.status) });
  },
});

/** Back from the bin as a draft: putting it in front of readers again is a separate, deliberate step. */
export const restoreArticle = defineAction({
  name: "restoreArticle",
  roles: EDITORS,
  schema: articleId,
  async run(_actor, { id }) {
    const a = await loadArticle(id);
    if (!a) return fail(404, NOT_FOUND);
    if (!a.deletedAt) return done("휴지통에 있는 기사가 아닙니다.", []);
    const status = a.status === "PENDING" ? "PENDING" : "DRAFT";
    await db.article.update({ where: { id }, data: { deletedAt: null, status, ...BUMP } });
    await announceRestored(id);
    return done("휴지통에서 되살렸습니다 (초안).", []);
  },
});

export const purgeArticle = defineAction({
  name: "purgeArticle",
  roles: EDITORS,
  schema: articleId,
  async run(_actor, { id }) {
    const a = await loadArticle(id);
    if (!a) return fail(404, NOT_FOUND);
    if (!a.deletedAt) return fail(409, "휴지통에 있는 기사만 영구 삭제할 수 있습니다.");
    await db.article.delete({ where: { id } });
    await announceRestored(id); // gone for good: a plain 404 from now on
    return done("영구 삭제했습니다.", [], { redirect: "/admin/articles?status=TRASH" });
  },
});

/**
 * Puts an earlier revision's text back. The text it replaces is kept first as a revision of
 * its own (a draft's autosaved text lives only in the row), so a restore can itself be undone;
 * the restored text is kept too. With `version` (the revisions page sends the one it showed),
 * a restore based on a page older than the latest save is refused like a stale save.
 */
export const restoreRevision = defineAction({
  name: "restoreRevision",
  roles: STAFF,
  schema: revisionInput,
  async run(actor, { revisionId, version }) {
    const rev = await db.articleRevision.findUnique({ where: { id: revisionId } });
    if (!rev) return fail(404, "그 판을 찾을 수 없습니다.");
    const a = await loadArticle(rev.articleId);
    if (!a) return fail(404, NOT_FOUND);
    if (a.deletedAt) return fail(409, IN_BIN);
    if (!canEditArticle(actor, a)) return fail(403, "이 기사를 고칠 권한이 없습니다.");
    if (version !== undefined && version !== a.version) return fail(409, await conflictMessage(a.id, "page"));
    const content = {
      title: rev.title,
      subtitle: rev.subtitle,
      excerpt: rev.excerpt,
      body: rev.body,
      sourceName: rev.sourceName,
      byline: rev.byline,
      editorName: rev.editorName,
      // Revisions keep no foreign key to images; a picture deleted since is dropped.
      coverImageId: rev.coverImageId && (await db.image.count({ where: { id: rev.coverImageId } })) ? rev.coverImageId : null,
      coverCaption: rev.coverCaption,
      sectionId: rev.sectionId,
    };
    const after = await db.$transaction(async (tx) => {
      const r = await writeIfCurrent(tx, a.id, a.version, content);
      if (r) {
        const at = new Date();
        const replaced = { ...snapshot(a, a.id, "SAVE", actor.id), note: `되돌리기 전 내용 (${formatDateTime(rev.createdAt)} 판으로 되돌림)` };
        await tx.articleRevision.createMany({
          data: [
            // One millisecond apart, so that history lists the kept text just below the restore.
            { ...replaced, createdAt: new Date(at.getTime() - 1) },
            { ...snapshot({ ...content, status: a.status }, a.id, "RESTORE", actor.id), createdAt: at },
          ],
        });
      }
      return r;
    });
    if (!after) return fail(409, await conflictMessage(a.id, "page"));
    return done(`${formatDateTime(rev.createdAt)} 판으로 되돌렸습니다.`, publicTags(a.id, a, after), { redirect: `/admin/articles/${a.id}/edit?restored=1` });
  },
});
