// GnuBoard's attachment links: /bbs/download.php?bo_table=B&wr_id=N&no=K answer 301 to the
// imported image (only images were brought across; other attachments are 404).
import { parseId } from "@/lib/route-params";
import { parseBoard, parseFileNo } from "@/lib/import/gnuboard/old-urls";
import { fileResponse } from "@/lib/seo/gnuboard-redirects";
import { notFoundResponse } from "@/lib/seo/status-page";

export async function GET(req: Request) {
  const q = new URL(req.url).searchParams;
  const board = parseBoard(q.get("bo_table"));
  const wrId = parseId(q.get("wr_id") ?? "");
  const no = parseFileNo(q.get("no"));
  if (!board || wrId === null || no === null) return notFoundResponse();
  return fileResponse(board, wrId, no);
}
