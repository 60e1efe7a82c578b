// Posting a reader comment, as a plain function of (database, form input, client): the server
// action (lib/actions/post-comment.ts) only adds cookies, headers and cache tags, so the
// integration tests run exactly this code.
import { z } from "zod";
import type { Db } from "./db-type";
import { answerChallenge } from "../captcha/challenge";
import { commentSchema, ARTICLE_MISSING, type CommentField } from "../validations/comment";
import { published } from "../data/published";
import { isIpHashBlocked } from "./blocks";
import { bannedMessage, findBannedWord } from "./banned-words";
import { commentSettings } from "./config";
import { addFailure, failureBlockSeconds, sameText, secondsUntilNextPost } from "./limits";

export type CommentErrors = Partial<Record<CommentField, string[]>>;
export type PostCode = "banned" | "invalid" | "not-found" | "blocked" | "guessing" | "too-fast" | "duplicate" | "captcha-wrong" | "captcha-expired";

export type PostOutcome =
  | { ok: true; commentId: number; articleId: number; message: string }
  | { ok: false; code: PostCode; message: string; errors: CommentErrors; retryAfter?: number; freshCaptcha: boolean };

export type PostContext = {
  ipHash: string;
  /** From the httpOnly cookie set with the captcha image; null when the reader has none. */
  challengeId: string | null;
  now?: Date;
  intervalSeconds?: number;
  maxLinks?: number;
  /** The banned-words list (lib/data/banned-words.ts); none when not given. */
  bannedWords?: string[];
};

export const MESSAGES = {
  posted: "댓글을 올렸습니다.",
  invalid: "입력한 내용을 확인하세요.",
  blocked: "이 주소에서는 지금 댓글을 쓸 수 없습니다.",
  duplicate: "같은 내용의 댓글을 련이어 올릴 수 없습니다.",
  captchaWrong: "인증코드가 맞지 않습니다. 새로 나온 그림의 수자를 입력하세요.",
  captchaExpired: "인증코드가 만료되였습니다. 새로 나온 그림의 수자를 입력하세요.",
  captchaMissing: "인증코드를 확인할 수 없습니다. 그림을 새로 불러온 뒤 입력하세요. (쿠키를 끄면 댓글을 쓸 수 없습니다.)",
  tooFast: (interval: number, wait: number) => `댓글은 ${interval}초에 한 번만 올릴 수 있습니다. ${wait}초 뒤에 다시 올려주세요.`,
  guessing: (minutes: number) => `인증코드를 너무 여러 번 틀렸습니다. ${minutes}분 뒤에 다시 시도하세요.`,
} as const;

const fail = (code: PostCode, message: string, errors: CommentErrors = {}, extra: { retryAfter?: number; freshCaptcha?: boolean } = {}): PostOutcome => ({
  ok: false,
  code,
  message,
  errors,
  freshCaptcha: extra.freshCaptcha ?? false,
  ...(extra.retryAfter ? { retryAfter: extra.retryAfter } : {}),
});

export async function submitComment(db: Db, raw: unknown, ctx: PostContext): Promise<PostOutcome> {
  const settings = commentSettings();
  const interval = ctx.intervalSeconds ?? settings.intervalSeconds;
  const parsed = commentSchema(ctx.maxLinks ?? settings.maxLinks).safeParse(raw);
  if (!parsed.success) {
    const { articleId, ...errors } = z.flattenError(parsed.error).fieldErrors;
    if (articleId) return fail("not-found", ARTICLE_MISSING);
    return fail("invalid", MESSAGES.invalid, errors);
  }
  const input = parsed.data;
  // Before anything is read or written: a refused word costs no captcha and no interval.
  for (const field of ["body", "nickname"] as const) {
    const word = findBannedWord([input[field]], ctx.bannedWords ?? []);
    if (word) {
      const message = bannedMessage(word);
      return fail("banned", message, { [field]: [message] });
    }
  }
  const now = ctx.now ?? new Date();
  const { ipHash } = ctx;

  const article = await db.article.findFirst({ where: { id: input.articleId, ...published }, select: { id: true } });
  if (!article) return fail("not-found", ARTICLE_MISSING);
  if (await isIpHashBlocked(db, ipHash, now)) return fail("blocked", MESSAGES.blocked);

  // One transaction per post, serialised per client by a row lock: the interval, the
  // duplicate check, the captcha and the insert cannot interleave with a parallel post.
  return db.$transaction(
    async (tx) => {
      await tx.commentClientLimit.createMany({ data: [{ ipHash, updatedAt: now }], skipDuplicates: true });
      await tx.$queryRaw`SELECT 1 FROM comment_client_limits WHERE ip_hash = ${ipHash} FOR UPDATE`;
      const limit = await tx.commentClientLimit.findUniqueOrThrow({ where: { ipHash } });

      const blockedFor = failureBlockSeconds(limit, now);
      if (blockedFor) {
        const message = MESSAGES.guessing(Math.ceil(blockedFor / 60));
        return fail("guessing", message, { captcha: [message] }, { retryAfter: blockedFor });
      }
      const wait = secondsUntilNextPost(limit.lastPostAt, now, interval);
      if (wait) return fail("too-fast", MESSAGES.tooFast(interval, wait), {}, { retryAfter: wait });

      const newest = { orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }], select: { body: true } };
      const mine = await tx.comment.findFirst({ where: { ipHash }, ...newest });
      const onArticle = await tx.comment.findFirst({ where: { articleId: input.articleId }, ...newest });
      if ([mine, onArticle].some((c) => c && sameText(c.body, input.body))) {
        return fail("duplicate", MESSAGES.duplicate, { body: [MESSAGES.duplicate] });
      }

      const verdict = await answerChallenge(tx, ctx.challengeId, input.captcha, now);
      if (verdict === "wrong") {
        await tx.commentClientLimit.update({ where: { ipHash }, data: { ...addFailure(limit, now), updatedAt: now } });
        return fail("captcha-wrong", MESSAGES.captchaWrong, { captcha: [MESSAGES.captchaWrong] }, { freshCaptcha: true });
      }
      if (verdict !== "ok") {
        const message = verdict === "missing" ? MESSAGES.captchaMissing : MESSAGES.captchaExpired;
        return fail("captcha-expired", message, { captcha: [message] }, { freshCaptcha: true });
      }

      await tx.commentClientLimit.update({ where: { ipHash }, data: { lastPostAt: now, updatedAt: now } });
      const comment = await tx.comment.create({
        data: { articleId: input.articleId, nickname: input.nickname, body: input.body, ipHash, createdAt: now },
        select: { id: true },
      });
      return { ok: true as const, commentId: comment.id, articleId: input.articleId, message: MESSAGES.posted };
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
}
