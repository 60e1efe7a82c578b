"use server";
// The reader's comment form.
//   postComment   commentSchema (lib/validations/comment.ts)  anyone, no account  adds a comment to a published
//                 article after the captcha, the IP block, the interval and the duplicate checks; expires that
//                 article's pages only
// Readers have no session or role, so this is not a perform() action: cookies and headers in,
// cache tags out, the work itself in lib/comments/post.ts. Without JavaScript it answers a
// successful post with a redirect to the new comment (post/redirect/get), so that reloading
// cannot send it twice.
import { randomUUID } from "node:crypto";
import { updateTag } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db, isDatabaseUnreachable } from "../db";
import { tags } from "../cache-tags";
import { CAPTCHA_COOKIE } from "../captcha/cookie";
import type { CommentFormState } from "../comments/form-state";
import { requestClientHash } from "../comments/ip-hash";
import { submitComment } from "../comments/post";
import { getBannedWords } from "../data/banned-words";
import { awaitReplicas } from "../replicas/fence";
import { commentPath } from "../urls";

const DB_DOWN_MESSAGE = "지금은 서버 점검 또는 장애로 댓글을 받을 수 없습니다. 쓰신 내용은 그대로 두었으니 잠시 후 다시 올려주세요.";

const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

export async function postComment(prev: CommentFormState, form: FormData): Promise<CommentFormState> {
  const values = { nickname: text(form.get("nickname")), body: text(form.get("body")) };
  // "새 인증코드" without JavaScript: keep what was typed, show a new image, check nothing.
  if (form.get("intent") === "refresh") return { status: "idle", values, captchaKey: randomUUID() };

  let outcome;
  try {
    const ipHash = await requestClientHash(db, await headers());
    const challengeId = (await cookies()).get(CAPTCHA_COOKIE)?.value ?? null;
    const input = { articleId: text(form.get("articleId")), ...values, captcha: text(form.get("captcha")) };
    outcome = await submitComment(db, input, { ipHash, challengeId, bannedWords: await getBannedWords() });
  } catch (e) {
    // Nothing half-written: the insert is one transaction (lib/comments/post.ts), and the
    // reader keeps the typed text (values) to post again.
    const down = isDatabaseUnreachable(e);
    console.error(`[comments] posting a comment failed${down ? " (database unreachable)" : ""}:`, down ? (e as Error).message : e);
    return { status: "error", message: down ? DB_DOWN_MESSAGE : "댓글을 저장하지 못했습니다. 잠시 후 다시 올려주세요.", values, captchaKey: randomUUID() };
  }
  if (!outcome.ok) {
    return { status: "error", message: outcome.message, errors: outcome.errors, values, captchaKey: outcome.freshCaptcha ? randomUUID() : prev.captchaKey };
  }
  // Exactly this article's pages (it and its comment pages) render afresh for the next visitor,
  // once the replicas they may be read from have the comment.
  await awaitReplicas();
  updateTag(tags.comments(outcome.articleId));
  if (form.get("enhanced") !== "1") redirect(commentPath(outcome.articleId, outcome.commentId));
  return { status: "ok", message: outcome.message, values: { nickname: values.nickname, body: "" }, captchaKey: randomUUID(), commentId: outcome.commentId };
}
