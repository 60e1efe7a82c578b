"use server";
// Tags (core in ./core/tag-suggest.ts):
//   suggestTagsAction   suggestTagsInput  staff   up to 8 existing tags starting with what is typed
import { perform, type FormState } from "./safe-action";
import { suggestTagNames } from "./core/tag-suggest";

export async function suggestTagsAction(prefix: string): Promise<FormState<string[]>> {
  return perform(suggestTagNames, { prefix }, { quiet: true }) as Promise<FormState<string[]>>;
}
