// Links of the old site keep working: /board/read/{board}/{id}/{anything...} answers 301 to the
// article: first the post of an imported GnuBoard board with that per-board wr_id
// (lib/data/gnuboard.ts), else the article imported with that zoglo-style legacy id; 410 if it
// is in the bin, 404 if none. /board/read/{board} alone goes to the section that board became.
import { getLegacyArticle, getLegacySection } from "@/lib/data/legacy";
import { getImportedPost, importedBoard } from "@/lib/data/gnuboard";
import { parseId } from "@/lib/route-params";
import { boardResponse, targetResponse } from "@/lib/seo/gnuboard-redirects";
import { movedResponse, notFoundResponse } from "@/lib/seo/status-page";
import { absoluteUrl, sectionPath } from "@/lib/urls";

const BOARD = /^[A-Za-z0-9_-]{1,64}$/;

export async function GET(_req: Request, ctx: { params: Promise<{ parts: string[] }> }) {
  const [board, rawId] = (await ctx.params).parts;
  if (!board || !BOARD.test(board)) return notFoundResponse();
  const imported = await importedBoard(board);
  if (rawId === undefined) {
    const slug = await getLegacySection(board);
    if (slug) return movedResponse(absoluteUrl(sectionPath(slug)));
    return imported ? boardResponse(board) : notFoundResponse();
  }
  const id = parseId(rawId);
  if (id === null) return notFoundResponse();
  if (imported) {
    const post = await getImportedPost(board, id);
    if (post) return targetResponse(post);
  }
  return targetResponse(await getLegacyArticle(id));
}
