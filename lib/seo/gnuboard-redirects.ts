// Answers for the imported GnuBoard site's old links (app/bbs/*, app/board/read): 301 to the
// article, section or image; 410 for an article in the bin; the Korean 404 page otherwise.
import "server-only";
import { getImportedFile, getImportedPost, getImportedPostBySeoTitle, importedBoard } from "../data/gnuboard";
import type { LegacyTarget } from "../data/legacy";
import { goneResponse, movedResponse, notFoundResponse } from "./status-page";
import { absoluteUrl, articlePath, mediaPath, sectionPath } from "../urls";

export const targetResponse = (t: LegacyTarget) =>
  !t ? notFoundResponse() : t.state === "deleted" ? goneResponse() : movedResponse(absoluteUrl(articlePath(t.id)));

/** /bbs/board.php?bo_table=B (the board's list): its section. */
export async function boardResponse(board: string): Promise<Response> {
  const b = await importedBoard(board);
  return b && !b.hidden ? movedResponse(absoluteUrl(sectionPath(b.slug))) : notFoundResponse();
}

export async function postResponse(board: string, wrId: number): Promise<Response> {
  if (!(await importedBoard(board))) return notFoundResponse();
  return targetResponse(await getImportedPost(board, wrId));
}

export async function seoTitleResponse(board: string, seoTitle: string): Promise<Response> {
  if (!(await importedBoard(board))) return notFoundResponse();
  return targetResponse(await getImportedPostBySeoTitle(board, seoTitle));
}

/** /bbs/download.php?bo_table=&wr_id=&no=: the imported image itself. */
export async function fileResponse(board: string, wrId: number, no: number): Promise<Response> {
  if (!(await importedBoard(board))) return notFoundResponse();
  const key = await getImportedFile(board, wrId, no);
  return key ? movedResponse(absoluteUrl(mediaPath(key))) : notFoundResponse();
}
