"use server";
// Server actions of section management (admins), see ./core/sections.ts.
import { perform, type FormState } from "./perform";
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
