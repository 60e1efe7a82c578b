// GnuBoard's short URLs, /{board}, /{board}/{wr_id} and /{board}/{seo-title}, reach this route
// through next.config.mjs's fallback rewrite, i.e. only when no page of the portal matched, and
// answer only for boards that were imported; any other path stays the 404 it was.
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
