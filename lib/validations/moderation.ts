// Inputs of comment moderation: the search form of the moderation page, blocks with a
// reason chosen from a list, and the banned-words setting.
import { z } from "zod";
import { cutQuery } from "../search/query";
import { nfc } from "./text";
import { BANNED_TEXT_MAX, BANNED_WORD_LENGTH, BANNED_WORDS_MAX, parseBannedWords } from "../comments/banned-words";

const id = z.coerce.number().int().positive().max(2_147_483_647);
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal(""), z.literal("false"), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

/** Why an address is blocked: a list, as GnuBoard-style boards offer, plus free text. */
export const BLOCK_REASONS = { spam: "광고/스팸", abuse: "욕설·비방", flood: "도배", privacy: "개인정보 노출", other: "기타" } as const;
export type BlockReason = keyof typeof BLOCK_REASONS;
export const BLOCK_DAYS = [1, 7, 30, 365] as const;

const reasonFields = {
  days: z.coerce.number().int().refine((d) => (BLOCK_DAYS as readonly number[]).includes(d), "기간을 고르세요."),
  reasonCode: z.enum(Object.keys(BLOCK_REASONS) as [BlockReason, ...BlockReason[]], { error: "차단 사유를 고르세요." }),
  reason: nfc().trim().max(200, "사유는 200자 이하로 써 주세요.").optional().transform((v) => v || null),
};
/** The reason as stored and listed: the label, and the editor's words after it. */
export function blockReasonText(code: BlockReason, note: string | null): string {
  return note ? `${BLOCK_REASONS[code]}: ${note}` : BLOCK_REASONS[code];
}
const needsNote = (v: { reasonCode: BlockReason; reason: string | null }) => v.reasonCode !== "other" || !!v.reason;
const noteError = { message: "'기타'를 고르면 사유를 써 주세요.", path: ["reason"] };

/** An address as the admin types it: IPv4 or IPv6 (the stored form is a keyed hash of it). */
export const ipAddress = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.union([z.ipv4(), z.ipv6()], { error: "IP 주소를 확인해 주세요. (예: 203.0.113.7)" }));

export const blockInput = z.object({ commentId: id, ...reasonFields, hideAll: checkbox }).refine(needsNote, noteError);
export const blockAddressInput = z.object({ ip: ipAddress, ...reasonFields, hideAll: checkbox }).refine(needsNote, noteError);

export const bannedWordsInput = z.object({
  words: z
    .string()
    .max(BANNED_TEXT_MAX, `금지어 목록은 ${BANNED_TEXT_MAX.toLocaleString("ko-KR")}자 이하로 써 주세요.`)
    .transform((s) => parseBannedWords(s))
    .superRefine((ws, ctx) => {
      if (ws.length > BANNED_WORDS_MAX) ctx.addIssue({ code: "custom", message: `금지어는 ${BANNED_WORDS_MAX}개까지 둘 수 있습니다.` });
      const long = ws.find((w) => Array.from(w).length > BANNED_WORD_LENGTH);
      if (long) ctx.addIssue({ code: "custom", message: `금지어 하나는 ${BANNED_WORD_LENGTH}자 이하로 써 주세요: '${long.slice(0, 40)}'` });
    }),
});

/** The moderation page's search: anything malformed is no filter (the page says so next to the field). */
export type CommentQuery = {
  article?: string;
  nickname?: string;
  ip?: string;
  /** The typed address was not an address. */
  ipInvalid?: boolean;
  status?: "VISIBLE" | "HIDDEN";
  after?: { t: number; id: number };
  before?: { t: number; id: number };
};

const cursor = z
  .string()
  .max(40)
  .regex(/^\d{1,16}_\d{1,10}$/)
  .transform((s) => {
    const [t, i] = s.split("_").map(Number);
    return { t, id: i };
  })
  .refine((c) => c.id <= 2_147_483_647 && Number.isSafeInteger(c.t))
  .optional()
  .catch(undefined);

export function parseCommentQuery(sp: Record<string, string | string[] | undefined>): CommentQuery {
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]) ?? "";
  const article = cutQuery(one("article"), 100).text || undefined;
  const nickname = cutQuery(one("nickname"), 40).text || undefined;
  const ipRaw = cutQuery(one("ip"), 60).text;
  const ip = ipRaw ? ipAddress.safeParse(ipRaw) : null;
  const status = one("status");
  const after = cursor.parse(one("after") || undefined);
  return {
    article,
    nickname,
    ip: ip?.success ? ip.data : ipRaw || undefined,
    ipInvalid: ip ? !ip.success : undefined,
    status: status === "VISIBLE" || status === "HIDDEN" ? status : undefined,
    after,
    before: after ? undefined : cursor.parse(one("before") || undefined),
  };
}

export function commentListHref(q: CommentQuery, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (q.article) p.set("article", q.article);
  if (q.nickname) p.set("nickname", q.nickname);
  if (q.ip) p.set("ip", q.ip);
  if (q.status) p.set("status", q.status);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return `/admin/comments${s ? `?${s}` : ""}`;
}
