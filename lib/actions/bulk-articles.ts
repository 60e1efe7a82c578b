"use server";
// The admin list's bulk action (a form of checkboxes, works without JavaScript).
//   bulkArticlesAction   bulkArticlesInput (lib/validations/bulk.ts)   staff; each article as its single action allows
import { perform, type FormState } from "./safe-action";
import { bulkArticles } from "./core/article-bulk";

export async function bulkArticlesAction(_p: FormState, form: FormData) {
  return perform(bulkArticles, form);
}
