"use server";
// Server actions of comment moderation (editors), see ./core/comments.ts.
import { perform, type FormState } from "./perform";
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
