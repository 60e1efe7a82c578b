// Links of an imported GnuBoard5 site (lib/import/gnuboard) resolved to today's pages: posts are
// (board, wr_id) because GnuBoard numbers each board from 1, or (board, wr_seo_title) for its
// SEO short URLs; attachments are (board, wr_id, bf_no). Boards not imported are unknown here,
// so a short URL can never shadow anything but a 404, and garbage never reaches the cache.
import "server-only";
import { unstable_cache } from "next/cache";
import { readDb } from "../read-db";
import { tags, REVALIDATE_SECONDS } from "../cache-tags";
import { isPublished } from "./published";
import type { LegacyTarget } from "./legacy";

export type ImportedBoard = { slug: string; hidden: boolean };

/** The section an imported board went into, or null when no board of that id was imported. */
export async function readImportedBoard(board: string): Promise<ImportedBoard | null> {
  const r = await readDb.gnuboardBoard.findUnique({ where: { board }, select: { section: { select: { slug: true, hidden: true } } } });
  return r ? { slug: r.section.slug, hidden: r.section.hidden } : null;
}

// Per board, like getLegacySection: ids come from URLs, and the bounded cache (next.config.mjs)
// keeps what garbage ids can occupy small.
export const importedBoard = (board: string) =>
  unstable_cache(() => readImportedBoard(board), ["gnuboard-board", board], { tags: [tags.sections], revalidate: REVALIDATE_SECONDS })();

type Found = { article: { id: number; status: string; deletedAt: Date | null } } | null;
const target = (r: Found): LegacyTarget => {
  if (!r) return null;
  if (r.article.deletedAt) return { id: r.article.id, state: "deleted" };
  return isPublished(r.article) ? { id: r.article.id, state: "published" } : null;
};
const articleSelect = { article: { select: { id: true, status: true, deletedAt: true } } } as const;

export async function readImportedPost(board: string, wrId: number): Promise<LegacyTarget> {
  return target(await readDb.gnuboardPost.findUnique({ where: { board_wrId: { board, wrId } }, select: articleSelect }));
}

export async function readImportedPostBySeoTitle(board: string, seoTitle: string): Promise<LegacyTarget> {
  return target(await readDb.gnuboardPost.findFirst({ where: { board, seoTitle }, select: articleSelect, orderBy: { wrId: "asc" } }));
}

/** The stored key of attachment `no` of a post, or null. */
export async function readImportedFile(board: string, wrId: number, no: number): Promise<string | null> {
  const f = await readDb.gnuboardFile.findFirst({ where: { board, wrId, bfNo: no }, select: { image: { select: { storageKey: true } } } });
  return f?.image.storageKey ?? null;
}

export const getImportedPost = (board: string, wrId: number) =>
  unstable_cache(() => readImportedPost(board, wrId), ["gnuboard-post", board, String(wrId)], { tags: [tags.archive], revalidate: REVALIDATE_SECONDS })();

export const getImportedPostBySeoTitle = (board: string, seoTitle: string) =>
  unstable_cache(() => readImportedPostBySeoTitle(board, seoTitle), ["gnuboard-seo", board, seoTitle], { tags: [tags.archive], revalidate: REVALIDATE_SECONDS })();

export const getImportedFile = (board: string, wrId: number, no: number) =>
  unstable_cache(() => readImportedFile(board, wrId, no), ["gnuboard-file", board, String(wrId), String(no)], { tags: [tags.archive], revalidate: REVALIDATE_SECONDS })();
