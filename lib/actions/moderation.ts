"use server";
// Comment moderation, editors and admins only; definitions in ./core/comments.ts, schemas in
// lib/validations/admin.ts. Each expires exactly the comment's article.
//   hideCommentAction / showCommentAction / deleteCommentAction   commentId     one comment
//   blockCommenterAction      blockInput    blocks the comment's IP hash for 1-365 days with a reason (optionally hides all it wrote)
//   unblockCommenterAction    unblockInput  lifts a block now
//   blockAddressAction        blockAddressInput  blocks a typed IP address (hashed) with a reason, 1-365 days
//   bulkCommentsAction        bulkCommentsInput  hides or shows the ticked comments
//   saveBannedWordsAction     bannedWordsInput   the banned-words list (금지어) applied to new comments
import { perform, type FormState } from "./safe-action";
import * as c from "./core/comments";

type S = FormState;

export async function hideCommentAction(_p: S, form: FormData) {
  return perform(c.hideComment, form);
}
export async function showCommentAction(_p: S, form: FormData) {
  return perform(c.showComment, form);
}
export async function deleteCommentAction(_p: S, form: FormData) {
  return perform(c.deleteComment, form);
}
export async function blockCommenterAction(_p: S, form: FormData) {
  return perform(c.blockCommenter, form);
}
export async function unblockCommenterAction(_p: S, form: FormData) {
  return perform(c.unblockCommenter, form);
}
export async function blockAddressAction(_p: S, form: FormData) {
  return perform(c.blockAddress, form);
}
export async function bulkCommentsAction(_p: S, form: FormData) {
  return perform(c.bulkComments, form);
}
export async function saveBannedWordsAction(_p: S, form: FormData) {
  return perform(c.saveBannedWords, form);
}
