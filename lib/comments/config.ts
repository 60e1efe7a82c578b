// Limits of reader comments: the two a site operator tunes come from the environment (parsed
// once with zod; a bad value stops the process with a message naming it), the rest are policy.
import { isIP } from "node:net";
import { z } from "zod";

const schema = z.object({
  COMMENT_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
  COMMENT_MAX_LINKS: z.coerce.number().int().min(0).max(50).default(2),
  COMMENT_IP_SECRET: z.string().min(16, { message: "COMMENT_IP_SECRET must be at least 16 characters" }).optional(),
  TRUSTED_PROXY: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .refine((list) => list.every((ip) => isIP(ip) !== 0), { message: "TRUSTED_PROXY must be a comma-separated list of IP addresses" }),
});

export type CommentSettings = {
  /** Seconds a client must wait between two comments. */
  intervalSeconds: number;
  /** Links (http://, https://, www.) allowed in one comment. */
  maxLinks: number;
  ipSecret: string | undefined;
  trustedProxies: string[];
};

let parsed: CommentSettings | undefined;

export function commentSettings(): CommentSettings {
  if (parsed) return parsed;
  const r = schema.safeParse(process.env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  parsed = {
    intervalSeconds: r.data.COMMENT_INTERVAL_SECONDS,
    maxLinks: r.data.COMMENT_MAX_LINKS,
    ipSecret: r.data.COMMENT_IP_SECRET,
    trustedProxies: r.data.TRUSTED_PROXY,
  };
  return parsed;
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
