// Links of the old site keep working: /board/read/{board}/{legacy id}/{anything...}
// answers 301 to the article imported with that id (410 if it is in the bin, 404 if none);
// /board/read/{board} alone goes to the section that board became.
import { getLegacyArticle, getLegacySection } from "@/lib/data/legacy";
import { parseId } from "@/lib/route-params";
import { goneResponse, movedResponse, notFoundResponse } from "@/lib/seo/status-page";
import { absoluteUrl, articlePath, sectionPath } from "@/lib/urls";

const BOARD = /^[A-Za-z0-9_-]{1,64}$/;

export async function GET(_req: Request, ctx: { params: Promise<{ parts: string[] }> }) {
  const [board, rawId] = (await ctx.params).parts;
  if (!board || !BOARD.test(board)) return notFoundResponse();
  if (rawId === undefined) {
    const slug = await getLegacySection(board);
    return slug ? movedResponse(absoluteUrl(sectionPath(slug))) : notFoundResponse();
  }
  const legacyId = parseId(rawId);
  const target = legacyId === null ? null : await getLegacyArticle(legacyId);
  if (!target) return notFoundResponse();
  return target.state === "deleted" ? goneResponse() : movedResponse(absoluteUrl(articlePath(target.id)));
}
