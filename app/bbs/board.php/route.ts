// GnuBoard's own links: /bbs/board.php?bo_table=B&wr_id=N (a post), ?bo_table=B&wr_seo_title=T
// (its SEO form) and ?bo_table=B (the board) answer 301 to what they became here.
import { parseId } from "@/lib/route-params";
import { parseBoard, parseSeoTitle } from "@/lib/import/gnuboard/old-urls";
import { boardResponse, postResponse, seoTitleResponse } from "@/lib/seo/gnuboard-redirects";
import { notFoundResponse } from "@/lib/seo/status-page";

export async function GET(req: Request) {
  const q = new URL(req.url).searchParams;
  const board = parseBoard(q.get("bo_table"));
  if (!board) return notFoundResponse();
  const rawId = q.get("wr_id");
  if (rawId !== null && rawId !== "") {
    const wrId = parseId(rawId);
    return wrId === null ? notFoundResponse() : postResponse(board, wrId);
  }
  const seo = q.get("wr_seo_title");
  if (seo) {
    const title = parseSeoTitle(seo);
    return title === null ? notFoundResponse() : seoTitleResponse(board, title);
  }
  return boardResponse(board);
}
