// The editors' desk beyond saving: keeping a refused text as a revision, discarding an offered
// autosave, and sending a submitted article back to its reporter with a note.
import "server-only";
import { db } from "../../db";
import { canEditArticle, EDITORS, STAFF } from "../../auth/roles";
import { formatDateTime } from "../../china-time";
import { keepFields } from "../../validations/article";
import { autosaveRevisionInput, sendBackInput } from "../../validations/desk";
import { defineAction, done, fail } from "../safe-action";
import { IN_BIN, NOT_FOUND, conflictMessage, draftContent, loadArticle, snapshot, writeIfCurrent } from "./article-shared";

export const KEPT_NOTE = "저장이 거부된 글을 보관함";

/**
 * After a refused (stale) save: the text on the editor's screen becomes an autosave revision,
 * changing nothing readers or other editors see. Being newer than the article's last save, it
 * is offered ("불러오기") when the article is opened again. The author may keep their text even
 * when the article has since moved out of their hands (published by an editor).
 */
export const keepAsRevision = defineAction({
  name: "keepAsRevision",
  roles: STAFF,
  schema: keepFields,
  async run(actor, input) {
    const a = await loadArticle(input.id);
    if (!a) return fail(404, NOT_FOUND);
    if (!canEditArticle(actor, a) && a.authorId !== actor.id) return fail(403, "이 기사를 고칠 권한이 없습니다.");
    const section = input.sectionId ? await db.section.findUnique({ where: { id: input.sectionId }, select: { id: true } }) : null;
    const content = await draftContent(input, { sourceName: a.sourceName, sectionId: section?.id ?? a.sectionId });
    const rev = await db.articleRevision.create({
      data: { ...snapshot({ ...content, status: a.status }, a.id, "AUTOSAVE", actor.id), note: KEPT_NOTE },
      select: { id: true, createdAt: true },
    });
    return done(`지금 쓰신 글을 고친 이력에 보관했습니다 (${formatDateTime(rev.createdAt)}).`, [], { data: { revisionId: rev.id } });
  },
});

/** "버리기" on an offered autosave: the editor decided that text is not wanted. */
export const discardAutosave = defineAction({
  name: "discardAutosave",
  roles: STAFF,
  schema: autosaveRevisionInput,
  async run(actor, { revisionId }) {
    const rev = await db.articleRevision.findUnique({ where: { id: revisionId }, select: { id: true, kind: true, articleId: true } });
    if (!rev) return fail(404, "그 자동저장본을 찾을 수 없습니다.");
    if (rev.kind !== "AUTOSAVE") return fail(409, "자동저장본만 버릴 수 있습니다.");
    const a = await loadArticle(rev.articleId);
    if (!a) return fail(404, NOT_FOUND);
    if (!canEditArticle(actor, a)) return fail(403, "이 기사를 고칠 권한이 없습니다.");
    await db.articleRevision.delete({ where: { id: rev.id } });
    return done("자동저장본을 버렸습니다.", []);
  },
});

class Stale extends Error {}

/**
 * "반려": an editor returns a submitted (PENDING) article to its reporter as a draft, with a
 * note. The note is a SEND_BACK revision (history keeps it, with who and when); the article
 * points at it until the reporter submits again.
 */
export const sendBackArticle = defineAction({
  name: "sendBackArticle",
  roles: EDITORS,
  schema: sendBackInput,
  async run(actor, { id, version, note }) {
    const a = await loadArticle(id);
    if (!a) return fail(404, NOT_FOUND);
    if (a.deletedAt) return fail(409, IN_BIN);
    if (a.status !== "PENDING") return fail(409, "검토 요청된 기사만 반려할 수 있습니다.");
    if (version !== undefined && version !== a.version) return fail(409, await conflictMessage(id, "page"));
    try {
      await db.$transaction(async (tx) => {
        const rev = await tx.articleRevision.create({ data: { ...snapshot({ ...a, status: "DRAFT" }, id, "SEND_BACK", actor.id), note }, select: { id: true } });
        // Sends back exactly the text the editor read: a save in between refuses (and undoes) it all.
        if (!(await writeIfCurrent(tx, id, a.version, { status: "DRAFT", sendBackId: rev.id }))) throw new Stale();
      });
    } catch (e) {
      if (e instanceof Stale) return fail(409, await conflictMessage(id, "page"));
      throw e;
    }
    return done("기자에게 반려했습니다. 기사는 초안으로 돌아갔습니다.", []);
  },
});
