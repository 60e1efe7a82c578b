// Reader comments: the cached, tagged list for article pages, and the per-request pieces
// (client hash, captcha issue) for the captcha route and the comment action.
import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "../db";
import { tags, REVALIDATE_SECONDS } from "../cache-tags";
import { issueChallenge } from "../captcha/challenge";
import { COMMENTS_PER_PAGE } from "../comments/config";
import { requestClientHash } from "../comments/ip-hash";
import { listComments } from "../comments/list";

/** Page `page` of an article's visible comments, newest first; null past the last page. */
export function getCommentPage(articleId: number, page: number) {
  return unstable_cache(() => listComments(db, articleId, page), ["comments", String(articleId), String(page), String(COMMENTS_PER_PAGE)], {
    tags: [tags.comments(articleId)],
    revalidate: REVALIDATE_SECONDS,
  })();
}

/** The keyed hash of this request's client address (see lib/http/client-ip.ts). */
export function requestIpHash(headers: Headers): Promise<string> {
  return requestClientHash(db, headers);
}

export function issueCaptcha(ipHash: string) {
  return issueChallenge(db, ipHash);
}
