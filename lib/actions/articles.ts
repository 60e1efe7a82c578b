"use server";
// The article editor's and lists' actions. Each wraps a definition in ./core through
// perform() (./safe-action.ts: zod, session, role, tags). Schemas in lib/validations/article.ts.
//   saveArticleAction        articleFields   staff (publish/schedule intents: editors)  create or update; submit, publish or schedule in one step
//   autosaveArticleAction    autosaveFields  staff    a draft in place; a published/scheduled article gets an autosave revision
//   publishArticleAction     articleId       editors  PUBLISHED now
//   scheduleArticleAction    scheduleInput   editors  SCHEDULED for a China-time moment in the future
//   unpublishArticleAction   articleId       editors  back to DRAFT (a schedule is cancelled)
//   submitArticleAction      articleId       staff    DRAFT → PENDING (review)
//   trashArticleAction       articleId       staff (reporters: own drafts)  into the bin (410 for readers)
//   restoreArticleAction     articleId       editors  out of the bin, as a draft
//   purgeArticleAction       articleId       editors  deletes a binned article for good
//   restoreRevisionAction    revisionInput   staff (reporters: own drafts)  an earlier revision's text back
import { perform, type FormState } from "./safe-action";
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
