// What every article write shares: loading the row, cleaning the body, keeping a revision,
// and the exact cache tags a change touches.
import "server-only";
import { db } from "../../db";
import { tags } from "../../cache-tags";
import { htmlToText, makeExcerpt } from "../../format";
import { mediaKeysIn, sanitizeBody } from "../../sanitize";
import { imageSelect, stateSelect, toImageRef } from "../../data/mappers";
import { isPublished } from "../../data/published";
import { formatDateTime } from "../../china-time";
import type { ImageRef } from "../../types";
import type { Prisma, RevisionKind } from "../../generated/prisma/client";

export type ArticleState = Prisma.ArticleGetPayload<{ select: typeof stateSelect }>;
type Visible = Pick<ArticleState, "sectionId" | "status" | "deletedAt"> | null | undefined;

export const loadArticle = (id: number) => db.article.findUnique({ where: { id }, select: stateSelect });

type Tx = Pick<typeof db, "article">;

/**
 * Writes `data` only while the row is still at `version` and not in the bin, adding one to
 * the version in the same UPDATE (`... SET version = version + 1 WHERE id = $1 AND version = $2`):
 * check and write are one statement, so of two saves based on one version exactly one wins.
 * Null when someone else wrote first.
 */
export async function writeIfCurrent(tx: Tx, id: number, version: number, data: Prisma.ArticleUpdateManyMutationInput) {
  const rows = await tx.article.updateManyAndReturn({
    where: { id, version, deletedAt: null },
    data: { ...data, version: { increment: 1 } },
    select: { id: true, version: true, updatedAt: true, status: true, sectionId: true, deletedAt: true },
  });
  return rows[0] ?? null;
}

/** For writes that need no check (unpublish, bin): they still move the version on, so a tab opened before is refused. */
export const BUMP = { version: { increment: 1 } } as const;

/**
 * The tags a change from `before` to `after` touches: nothing while the article was and stays
 * out of readers' sight; otherwise its page, the section lists it left and entered, the home
 * page, the archive and the feeds.
 */
export function publicTags(id: number, before: Visible, after: Visible): string[] {
  const visible = [before, after].filter(isPublished) as NonNullable<Visible>[];
  if (visible.length === 0) return [];
  return readerTags([id], visible.map((s) => s.sectionId));
}

/** Everything readers see of these articles: their pages, these sections' lists, home, archive, feeds. */
export function readerTags(ids: number[], sectionIds: number[]): string[] {
  return [...ids.map(tags.article), ...[...new Set(sectionIds)].map(tags.section), tags.archive, tags.home, tags.feeds];
}

/** The body cleaned with the allowlist, our own images given srcset; the excerpt from it when empty. */
export async function cleanBody(html: string, excerpt: string | null) {
  const keys = mediaKeysIn(html);
  const rows = keys.length ? await db.image.findMany({ where: { storageKey: { in: keys } }, select: imageSelect }) : [];
  const images = new Map<string, ImageRef>(rows.map((r) => [r.storageKey, toImageRef(r)!]));
  const body = sanitizeBody(html, images);
  const text = htmlToText(body);
  return { body, text, excerpt: excerpt ?? makeExcerpt(text) };
}

/** What an autosave (or a kept refused save) takes from the form: any unfinished state. */
type DraftInput = {
  title: string;
  subtitle: string | null;
  excerpt: string | null;
  body: string;
  sourceName: string;
  byline: string | null;
  editorName: string | null;
  coverImageId: number | null;
  coverCaption: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  socialImageId: number | null;
};

/**
 * The form's text as a draft is stored: an untitled one as "(제목 없음)", an empty source as
 * the article's own, the body cleaned. For autosaves and for a refused save's text kept.
 */
export async function draftContent(input: DraftInput, fallback: { sourceName: string; sectionId: number }) {
  const { body, excerpt } = await cleanBody(input.body, input.excerpt);
  return {
    title: input.title || "(제목 없음)",
    subtitle: input.subtitle,
    excerpt,
    body,
    sourceName: input.sourceName || fallback.sourceName,
    byline: input.byline,
    editorName: input.editorName,
    coverImageId: input.coverImageId,
    coverCaption: input.coverCaption,
    sectionId: fallback.sectionId,
    seoTitle: input.seoTitle,
    seoDescription: input.seoDescription,
    socialImageId: input.socialImageId,
  };
}

export type Content = Pick<
  ArticleState,
  "title" | "subtitle" | "excerpt" | "body" | "sourceName" | "byline" | "editorName" | "coverImageId" | "coverCaption" | "sectionId"
>;

export function snapshot(a: Content & { status: ArticleState["status"] }, articleId: number, kind: RevisionKind, createdById: number) {
  return {
    articleId,
    kind,
    status: a.status,
    sectionId: a.sectionId,
    title: a.title,
    subtitle: a.subtitle,
    excerpt: a.excerpt,
    body: a.body,
    sourceName: a.sourceName,
    byline: a.byline,
    editorName: a.editorName,
    coverImageId: a.coverImageId,
    coverCaption: a.coverCaption,
    createdById,
  };
}

export const CONFLICT =
  "다른 곳에서 이 기사가 먼저 저장되었습니다. 지금 쓰신 글은 화면에 그대로 있으니, 페이지를 새로 불러오기 전에 복사해 두세요.";

/**
 * The refusal of a stale save, saying who saved first and when: the newest revision that
 * changed the article (autosave revisions of published articles leave the row alone).
 * Falls back to the row's own time (a status change such as unpublish keeps no revision).
 */
export async function conflictMessage(articleId: number, from: "form" | "page" = "form"): Promise<string> {
  const [a, rev] = await Promise.all([
    db.article.findUnique({ where: { id: articleId }, select: { updatedAt: true } }),
    db.articleRevision.findFirst({
      where: { articleId, kind: { not: "AUTOSAVE" } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { createdAt: true, createdBy: { select: { name: true } } },
    }),
  ]);
  if (!a) return CONFLICT;
  // A revision older than the row's last write did not make that write: say only when.
  const who = rev && rev.createdAt.getTime() >= a.updatedAt.getTime() - 2000 ? rev.createdBy?.name : undefined;
  const when = formatDateTime(rev && who ? rev.createdAt : a.updatedAt);
  const saved = `다른 곳에서 이 기사가 먼저 저장되었습니다 (${who ? `${who} 님, ` : ""}${when} 중국시간).`;
  // From the editor's form the text on screen matters; from a status button or the revisions
  // page there is nothing typed to keep, only a page to reload.
  return from === "form"
    ? `${saved} 지금 쓰신 글은 화면에 그대로 있습니다. '내 글을 새 판으로 보관'을 누르면 이력에 남고, 최신 판은 새 창에서 볼 수 있습니다.`
    : `${saved} 페이지를 새로 불러와 최신 판을 확인한 뒤 다시 하세요.`;
}
export const IN_BIN = "휴지통에 있는 기사입니다. 먼저 복원하세요.";
export const NOT_FOUND = "기사를 찾을 수 없습니다.";
