// Limits of reader comments: the two a site operator tunes come from the environment
// (lib/env.ts), the rest are policy. Clients are counted by lib/http/client-ip.ts#requestClientIp.
import { env } from "../env";

export type CommentSettings = {
  /** Seconds a client must wait between two comments. */
  intervalSeconds: number;
  /** Links (http://, https://, www.) allowed in one comment. */
  maxLinks: number;
  ipSecret: string | undefined;
};

export function commentSettings(): CommentSettings {
  return {
    intervalSeconds: env.COMMENT_INTERVAL_SECONDS,
    maxLinks: env.COMMENT_MAX_LINKS,
    ipSecret: env.COMMENT_IP_SECRET,
  };
}

/** A challenge lives this long after its image was drawn. */
export const CAPTCHA_TTL_SECONDS = 5 * 60;
/** Answers a single challenge accepts (right or wrong) before it is spent. */
export const CAPTCHA_MAX_ATTEMPTS = 5;
/** Wrong answers one client may give within FAILURE_WINDOW_SECONDS, across all its challenges. */
export const FAILURE_LIMIT = 10;
export const FAILURE_WINDOW_SECONDS = 15 * 60;
/** Challenges one client may request within ISSUE_WINDOW_SECONDS (refreshes included). */
export const ISSUE_LIMIT = 100;
export const ISSUE_WINDOW_SECONDS = 10 * 60;
export { BODY_MAX, COMMENTS_PER_PAGE, NICKNAME_MAX } from "./constants";
