"use server";
// Server actions of the article editor and lists: each finds the signed-in actor and runs the
// definition in ./core (which checks the role and parses the input itself).
import { perform, type FormState } from "./perform";
import { autosaveArticle, saveArticle, type SavedArticle } from "./core/article-save";
import * as status from "./core/article-status";

type S = FormState;

export async function saveArticleAction(_p: S, form: FormData) {
  return perform(saveArticle, form);
}
export async function autosaveArticleAction(form: FormData): Promise<FormState<SavedArticle>> {
  return perform(autosaveArticle, form, { quiet: true });
}
export async function publishArticleAction(_p: S, form: FormData) {
  return perform(status.publishArticle, form);
}
export async function scheduleArticleAction(_p: S, form: FormData) {
  return perform(status.scheduleArticle, form);
}
export async function unpublishArticleAction(_p: S, form: FormData) {
  return perform(status.unpublishArticle, form);
}
export async function submitArticleAction(_p: S, form: FormData) {
  return perform(status.submitArticle, form);
}
export async function trashArticleAction(_p: S, form: FormData) {
  return perform(status.trashArticle, form);
}
export async function restoreArticleAction(_p: S, form: FormData) {
  return perform(status.restoreArticle, form);
}
export async function purgeArticleAction(_p: S, form: FormData) {
  return perform(status.purgeArticle, form);
}
export async function restoreRevisionAction(_p: S, form: FormData) {
  return perform(status.restoreRevision, form);
}
