// Reads of the editors' article screens: per request, never cached (staff must see their own writes).
import "server-only";
import { db } from "../db";
import type { Article } from "../types";
import type { Prisma } from "../generated/prisma/client";
import { pageCount } from "../pagination";
import type { AdminListQuery } from "../validations/admin-query";
import { articleSelect, imageSelect, stateSelect, toArticle } from "./mappers";
import { binned, isPublished } from "./published";
import { scheduled as isScheduled } from "./schedule";

export const ADMIN_PAGE_SIZE = 20;

export async function listAdminArticles(f: AdminListQuery) {
  const where: Prisma.ArticleWhereInput = {};
  if (f.status === "TRASH") Object.assign(where, binned);
  else {
    where.deletedAt = null;
    if (f.status) where.status = f.status;
  }
  if (f.sectionId) where.sectionId = f.sectionId;
  if (f.authorId) where.authorId = f.authorId;
  if (f.q) where.title = { contains: f.q, mode: "insensitive" };
  const [total, rows] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (f.page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        status: true,
        publishedAt: true,
        updatedAt: true,
        deletedAt: true,
        authorId: true,
        sendBackId: true, // "반려됨" in the list until the reporter submits again
        section: { select: { id: true, name: true } },
        author: { select: { name: true } },
      },
    }),
  ]);
  return { total, pages: pageCount(total, ADMIN_PAGE_SIZE), rows };
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
