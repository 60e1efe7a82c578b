"use server";
// Sections, admins only; definitions in ./core/sections.ts, schemas in lib/validations/admin.ts.
// Each expires the menu, the home page and the section's list.
//   createSectionAction      createSectionInput   a new section at the end
//   renameSectionAction      renameSectionInput   new name and slug (lists and feeds too)
//   moveSectionAction        moveSectionInput     one place up or down
//   setSectionHiddenAction   hideSectionInput     out of (or back into) the menu and home page
import { perform, type FormState } from "./safe-action";
import * as s from "./core/sections";

type S = FormState;

export async function createSectionAction(_p: S, form: FormData) {
  return perform(s.createSection, form);
}
export async function renameSectionAction(_p: S, form: FormData) {
  return perform(s.renameSection, form);
}
export async function moveSectionAction(_p: S, form: FormData) {
  return perform(s.moveSection, form);
}
export async function setSectionHiddenAction(_p: S, form: FormData) {
  return perform(s.setSectionHidden, form);
}
