// Reads of the editors' article screens: per request, never cached (staff must see their own writes).
import "server-only";
import { db } from "../db";
import type { Article } from "../types";
import { formatCursor, type AdminListQuery } from "../validations/admin-query";
import { parseQuery } from "../search/query";
import { SEARCH_SETTINGS } from "../search/sql";
import { buildDeskListSql, DESK_COUNT_CAP, DESK_PAGE_SIZE } from "../search/desk-sql";
import { articleSelect, imageSelect, stateSelect, toArticle } from "./mappers";
import { isPublished } from "./published";
import { scheduled as isScheduled } from "./schedule";

export type AdminArticleRow = {
  id: number;
  title: string;
  status: string;
  publishedAt: Date | null;
  updatedAt: Date;
  deletedAt: Date | null;
  authorId: number | null;
  viewCount: number;
  commentCount: number;
  /** Set while a send-back (반려) note is the article's current word: "반려됨" in the list. */
  sendBackId: number | null;
  sectionName: string;
  authorName: string | null;
};

export type AdminArticlePage = {
  rows: AdminArticleRow[];
  /** Matching articles, counted up to DESK_COUNT_CAP (`more`: there are more). */
  total: number;
  more: boolean;
  /** The search (or the views window) ranked only the newest DESK_MATCH_CAP / VIEWS_WINDOW. */
  capped: boolean;
  /** Cursors of the next and previous pages, when there are such pages. */
  next?: string;
  prev?: string;
};

type RawRow = {
  id: number | null;
  title: string;
  status: string;
  published_at: Date | null;
  updated_at: Date;
  deleted_at: Date | null;
  author_id: number | null;
  view_count: number;
  comment_count: number;
  send_back_id: number | null;
  section_name: string;
  author_name: string | null;
  total: number;
  capped: boolean;
};

function cursorOf(r: AdminArticleRow, sort: AdminListQuery["sort"]): string {
  const v =
    sort === "updated" ? r.updatedAt.getTime() : sort === "published" ? (r.publishedAt?.getTime() ?? null) : sort === "views" ? r.viewCount : r.commentCount;
  return formatCursor({ v, id: r.id });
}

/**
 * One page of the newsroom's article list: filters, search (the public search's rules, over
 * every status), sort and keyset page, in one bounded statement (lib/search/desk-sql.ts).
 */
export async function listAdminArticles(f: AdminListQuery, pageSize = DESK_PAGE_SIZE): Promise<AdminArticlePage> {
  const words = f.q ? parseQuery(f.q).words : [];
  const { sql, params } = buildDeskListSql({ ...f, words, pageSize });
  const [, raw] = await db.$transaction([db.$queryRawUnsafe(SEARCH_SETTINGS.sql), db.$queryRawUnsafe<RawRow[]>(sql, ...params)]);
  const head = raw[0];
  let rows: AdminArticleRow[] = raw
    .filter((r) => r.id !== null)
    .map((r) => ({
      id: Number(r.id),
      title: r.title,
      status: r.status,
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
      authorId: r.author_id,
      viewCount: Number(r.view_count),
      commentCount: Number(r.comment_count),
      sendBackId: r.send_back_id,
      sectionName: r.section_name,
      authorName: r.author_name,
    }));
  const extra = rows.length > pageSize;
  rows = rows.slice(0, pageSize);
  if (f.before) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  // Forwards: a next page when a row beyond this one was read, a previous one when we came
  // from a cursor. Backwards (before=): the other way round.
  const hasNext = f.before ? true : extra;
  const hasPrev = f.before ? extra : !!f.after;
  return {
    rows,
    total: Math.min(Number(head?.total ?? 0), DESK_COUNT_CAP),
    more: Number(head?.total ?? 0) > DESK_COUNT_CAP,
    capped: head?.capped === true,
    next: hasNext && last ? cursorOf(last, f.sort) : undefined,
    prev: hasPrev && first ? cursorOf(first, f.sort) : undefined,
  };
}

// The photo library's, tags' and SEO fields the editor shows (issue 13).
const libraryEditSelect = {
  seoTitle: true,
  seoDescription: true,
  socialImageId: true,
  socialImage: { select: { storageKey: true } },
  coverImage: { select: { ...imageSelect, caption: true } },
  tags: { orderBy: { position: "asc" }, select: { tag: { select: { name: true } } } },
} as const;

/** The article as the editor's form and its status panel read it. */
export async function getArticleForEdit(id: number) {
  return db.article.findUnique({
    where: { id },
    select: { ...stateSelect, sendBackId: true, author: { select: { name: true } }, ...libraryEditSelect },
  });
}
export type EditableArticle = NonNullable<Awaited<ReturnType<typeof getArticleForEdit>>>;

/** Any article (draft or not) as the reader's ArticleView expects it, for the staff preview. */
export async function getPreviewArticle(id: number): Promise<(Article & { status: string; deleted: boolean; live: boolean }) | null> {
  const r = await db.article.findUnique({ where: { id }, select: { ...articleSelect, status: true, deletedAt: true } });
  if (!r) return null;
  return {
    ...toArticle(r),
    // A draft shows the time it would carry if published now.
    publishedAt: (r.publishedAt ?? new Date()).toISOString(),
    status: r.status,
    deleted: r.deletedAt !== null,
    live: isPublished(r),
  };
}

export async function listRevisions(articleId: number) {
  return db.articleRevision.findMany({
    where: { articleId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, kind: true, status: true, title: true, note: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}

export async function getRevision(id: number) {
  return db.articleRevision.findUnique({ where: { id }, include: { createdBy: { select: { name: true } } } });
}

export async function dashboardCounts(authorId: number) {
  const live = { deletedAt: null };
  const [pending, scheduled, myDrafts, comments] = await Promise.all([
    db.article.count({ where: { ...live, status: "PENDING" } }),
    db.article.count({ where: isScheduled }),
    db.article.count({ where: { ...live, status: "DRAFT", authorId } }),
    db.comment.count({ where: { createdAt: { gte: new Date(Date.now() - 86_400_000) } } }),
  ]);
  return { pending, scheduled, myDrafts, comments };
}
