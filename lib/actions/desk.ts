"use server";
// The editors' desk actions (definitions in ./core/desk.ts and ./core/presence.ts; schemas in
// lib/validations/article.ts and desk.ts), each through perform(): zod, session, role.
//   keepAsRevisionAction     keepFields             staff    a refused save's text kept as an autosave revision
//   discardAutosaveAction    autosaveRevisionInput  staff    "버리기" on an offered autosave
//   sendBackArticleAction    sendBackInput          editors  PENDING → DRAFT with a note to the reporter
//   presenceHeartbeatAction  presenceInput          staff    this tab has the article open; who else has
import { perform, type FormState } from "./safe-action";
import { discardAutosave, keepAsRevision, sendBackArticle } from "./core/desk";
import { heartbeat, type Editing } from "./core/presence";

type S = FormState;

export async function keepAsRevisionAction(form: FormData): Promise<FormState<{ revisionId: number }>> {
  return perform(keepAsRevision, form, { quiet: true }) as Promise<FormState<{ revisionId: number }>>;
}
export async function discardAutosaveAction(_p: S, form: FormData) {
  return perform(discardAutosave, form);
}
export async function sendBackArticleAction(_p: S, form: FormData) {
  return perform(sendBackArticle, form);
}
export async function presenceHeartbeatAction(input: { articleId: number; tabId: string }): Promise<FormState<Editing[]>> {
  return perform(heartbeat, input, { quiet: true });
}
