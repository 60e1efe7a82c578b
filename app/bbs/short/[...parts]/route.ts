// Every URL nothing else matched reaches this route through next.config.mjs's fallback rewrite:
// GnuBoard's short URLs, /{board}, /{board}/{wr_id} and /{board}/{seo-title}, answer 301 for
// boards that were imported; anything else gets the reader's 404 page.
import { parseId } from "@/lib/route-params";
import { parseBoard, parseSeoTitle } from "@/lib/import/gnuboard/old-urls";
import { boardResponse, postResponse, seoTitleResponse } from "@/lib/seo/gnuboard-redirects";
import { notFoundResponse } from "@/lib/seo/status-page";

export async function GET(_req: Request, ctx: { params: Promise<{ parts: string[] }> }) {
  const parts = (await ctx.params).parts;
  const board = parseBoard(parts[0]);
  if (!board || parts.length > 2) return notFoundResponse();
  if (parts.length === 1) return boardResponse(board);
  const wrId = /^\d+$/.test(parts[1]) ? parseId(parts[1]) : null;
  if (wrId !== null) return postResponse(board, wrId);
  if (/^\d+$/.test(parts[1])) return notFoundResponse(); // a number beyond INT4
  const title = parseSeoTitle(parts[1]);
  return title === null ? notFoundResponse() : seoTitleResponse(board, title);
}

/** Any other method on a URL that does not exist: the same 404 (not 405, which would say it does). */
const missing = () => notFoundResponse();
export { missing as POST, missing as PUT, missing as PATCH, missing as DELETE };
