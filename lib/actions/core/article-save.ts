// Saving an article from the editor: create, update, submit for review, publish or schedule
// in one step (what the editor's buttons do), and the autosave of drafts.
import "server-only";
import { db } from "../../db";
import { canEditArticle, isEditor, STAFF, type Actor } from "../../auth/roles";
import { formatDateTime } from "../../china-time";
import { articleFields, autosaveFields, parseScheduleTime, SCHEDULE_INVALID, type ArticleFields } from "../../validations/article";
import { touchesSchedule } from "../../data/schedule";
import { defineAction, done, fail, type FieldErrors } from "../safe-action";
import { writeArticleTags } from "./article-tags";
import { IN_BIN, NOT_FOUND, cleanBody, conflictMessage, draftContent, loadArticle, publicTags, snapshot, writeIfCurrent, type ArticleState } from "./article-shared";

/**
 * `version` is what the editor's next save must be based on; `revisionId` the autosave
 * revision holding the text when the article row itself was left alone (published/scheduled).
 */
export type SavedArticle = { id: number; version: number; status: string; savedAt: string; revisionId?: number };

const MESSAGE = { save: "저장했습니다.", submit: "검토를 요청했습니다.", publish: "게시했습니다.", schedule: "예약했습니다." } as const;

/**
 * The edit page's notice after a save that moved the browser there (`?created=` / `?saved=`
 * carry the button pressed): a new article published from its first page is told
 * "게시했습니다.", not "저장했습니다.". Anything else in the address says nothing.
 */
export function savedNotice(sp: { created?: string; saved?: string }): string | null {
  const intent = (v: string | undefined) => (v && Object.hasOwn(MESSAGE, v) ? (v as keyof typeof MESSAGE) : v === "1" ? "save" : null);
  const created = intent(sp.created);
  if (created) return created === "save" ? "기사를 만들었습니다." : `기사를 만들었습니다. ${MESSAGE[created]}`;
  const saved = intent(sp.saved);
  return saved ? MESSAGE[saved] : null;
}

async function checkRefs(input: Pick<ArticleFields, "sectionId" | "coverImageId" | "socialImageId">): Promise<FieldErrors | null> {
  const errors: FieldErrors = {};
  if (!(await db.section.findUnique({ where: { id: input.sectionId }, select: { id: true } }))) errors.sectionId = ["분야를 고르세요."];
  if (input.coverImageId && !(await db.image.findUnique({ where: { id: input.coverImageId }, select: { id: true } }))) {
    errors.coverImageId = ["그런 번호의 사진이 없습니다."];
  }
  if (input.socialImageId && !(await db.image.findUnique({ where: { id: input.socialImageId }, select: { id: true } }))) {
    errors.socialImageId = ["그런 번호의 사진이 없습니다."];
  }
  return Object.keys(errors).length ? errors : null;
}

/**
 * Loads and checks the article an edit applies to; a failure outcome when it may not. The
 * version compared here is an early, friendly refusal; the write itself checks it again
 * atomically (writeIfCurrent), which is what two simultaneous saves rely on.
 */
async function editable(actor: Actor, id: number, version: number | undefined) {
  const existing = await loadArticle(id);
  if (!existing) return { error: fail(404, NOT_FOUND) };
  if (existing.deletedAt) return { error: fail(409, IN_BIN) };
  if (!canEditArticle(actor, existing)) return { error: fail(403, "이 기사를 고칠 권한이 없습니다.") };
  if (version !== existing.version) return { error: fail(409, await conflictMessage(id)) };
  return { existing };
}

function nextStatus(intent: ArticleFields["intent"], before: ArticleState | null, scheduledAt: Date | null, now: Date) {
  const status = before?.status ?? "DRAFT";
  switch (intent) {
    case "publish":
      return { status: "PUBLISHED" as const, publishedAt: status === "PUBLISHED" && before?.publishedAt ? before.publishedAt : now };
    case "schedule":
      return { status: "SCHEDULED" as const, publishedAt: scheduledAt! };
    case "submit":
      return { status: "PENDING" as const, publishedAt: before?.publishedAt ?? null };
    default:
      return { status, publishedAt: before?.publishedAt ?? null };
  }
}

export const saveArticle = defineAction({
  name: "saveArticle",
  roles: STAFF,
  schema: articleFields,
  async run(actor, input) {
    if ((input.intent === "publish" || input.intent === "schedule") && !isEditor(actor)) {
      return fail(403, "기자는 기사를 게시하거나 예약할 수 없습니다. 검토를 요청하세요.");
    }
    let before: ArticleState | null = null;
    if (input.id) {
      const r = await editable(actor, input.id, input.version);
      if (r.error) return r.error;
      before = r.existing;
      if (input.intent === "submit" && !["DRAFT", "PENDING"].includes(before.status)) return fail(409, "게시되었거나 예약된 기사는 검토를 요청할 수 없습니다.");
    }
    const refErrors = await checkRefs(input);
    if (refErrors) return fail(400, "입력한 내용을 확인해 주세요.", refErrors);

    const now = new Date();
    let scheduledAt: Date | null = null;
    if (input.intent === "schedule") {
      const t = parseScheduleTime(input.scheduledAt, now);
      if (!t.ok) return fail(400, SCHEDULE_INVALID, { scheduledAt: [t.error] });
      scheduledAt = t.at;
    }
    const { body, text, excerpt } = await cleanBody(input.body, input.excerpt);
    if (input.intent !== "save" && !text) return fail(400, "본문을 입력하세요.", { body: ["본문이 비어 있습니다."] });

    const content = {
      title: input.title,
      subtitle: input.subtitle,
      excerpt,
      body,
      sourceName: input.sourceName,
      byline: input.byline,
      editorName: input.editorName,
      coverImageId: input.coverImageId,
      coverCaption: input.coverCaption,
      sectionId: input.sectionId,
      seoTitle: input.seoTitle,
      seoDescription: input.seoDescription,
      socialImageId: input.socialImageId,
    };
    const next = nextStatus(input.intent, before, scheduledAt, now);
    const kind = input.intent === "publish" || input.intent === "schedule" ? "PUBLISH" : "SAVE";
    const saved = await db.$transaction(async (tx) => {
      const row = before
        ? // Submitting again answers a send-back: its note is no longer the article's current word.
          await writeIfCurrent(tx, before.id, before.version, { ...content, ...next, ...(input.intent === "submit" ? { sendBackId: null } : {}) })
        : await tx.article.create({ data: { ...content, ...next, authorId: actor.id }, select: { id: true, version: true, updatedAt: true } });
      if (!row) return null; // another save won between our check and our write: nothing written
      await writeArticleTags(tx, row.id, input.tags);
      await tx.articleRevision.create({ data: snapshot({ ...content, status: next.status }, row.id, kind, actor.id) });
      return row;
    });
    if (!saved) return fail(409, await conflictMessage(before!.id));
    const data: SavedArticle = { id: saved.id, version: saved.version, status: next.status, savedAt: formatDateTime(saved.updatedAt) };
    const message = input.intent === "schedule" ? `${formatDateTime(scheduledAt!)} (중국시간)에 게시되도록 예약했습니다.` : MESSAGE[input.intent];
    return done(message, publicTags(saved.id, before, { ...content, status: next.status, deletedAt: null }), {
      data,
      redirect: !before ? `/admin/articles/${saved.id}/edit?created=${input.intent}` : input.fromNew ? `/admin/articles/${saved.id}/edit?saved=${input.intent}` : undefined,
      rearm: touchesSchedule(before?.status, next.status),
    });
  },
});

/**
 * Every ~10 s while the editor has unsaved changes. A draft is updated in place (it is not
 * public); a published or scheduled article is never changed behind the editor's back: the
 * text goes into an autosave revision that can be restored.
 */
export const autosaveArticle = defineAction({
  name: "autosaveArticle",
  roles: STAFF,
  schema: autosaveFields,
  async run(actor, input) {
    const now = new Date();
    let before: ArticleState | null = null;
    if (input.id) {
      const r = await editable(actor, input.id, input.version);
      if (r.error) return r.error;
      before = r.existing;
    } else if (!input.title && !input.body.trim()) {
      return done("", []);
    }
    const section =
      (await db.section.findUnique({ where: { id: input.sectionId }, select: { id: true } })) ??
      (await db.section.findFirst({ orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } }));
    if (!section) return fail(409, "분야가 하나도 없습니다. 관리자에게 분야를 만들어 달라고 하세요.");
    const content = await draftContent(input, { sourceName: before?.sourceName ?? "", sectionId: section.id });
    if (before && (before.status === "PUBLISHED" || before.status === "SCHEDULED")) {
      const recent = await db.articleRevision.findFirst({
        where: { articleId: before.id, kind: "AUTOSAVE", createdById: actor.id, createdAt: { gte: new Date(now.getTime() - 30 * 60_000) } },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
      const rev = snapshot({ ...content, status: before.status }, before.id, "AUTOSAVE", actor.id);
      const kept = recent
        ? await db.articleRevision.update({ where: { id: recent.id }, data: { ...rev, createdAt: now }, select: { id: true } })
        : await db.articleRevision.create({ data: rev, select: { id: true } });
      // The article row is untouched, so its version stays what the editor already has.
      const data: SavedArticle = { id: before.id, version: before.version, status: before.status, savedAt: formatDateTime(now), revisionId: kept.id };
      return done("게시된 기사는 자동저장본을 따로 보관합니다. '저장'을 눌러야 독자에게 보입니다.", [], { data });
    }
    // A draft is written in place, and only while it is still the version this text was based
    // on: an autosave arriving after someone else's save or publish must not put old text back.
    const row = before
      ? await writeIfCurrent(db, before.id, before.version, content)
      : await db.article.create({ data: { ...content, status: "DRAFT", authorId: actor.id }, select: { id: true, version: true, updatedAt: true, status: true } });
    if (!row) return fail(409, await conflictMessage(before!.id));
    const data: SavedArticle = { id: row.id, version: row.version, status: row.status, savedAt: formatDateTime(row.updatedAt) };
    return done("자동저장했습니다.", [], { data });
  },
});
