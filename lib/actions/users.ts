"use server";
// Server actions of account management (admins) and of one's own password, see ./core/users.ts.
import { perform, type FormState } from "./perform";
import * as u from "./core/users";

type S = FormState;

export async function createUserAction(_p: S, form: FormData) {
  return perform(u.createUser, form);
}
export async function setUserRoleAction(_p: S, form: FormData) {
  return perform(u.setUserRole, form);
}
export async function setUserDisabledAction(_p: S, form: FormData) {
  return perform(u.setUserDisabled, form);
}
export async function changeOwnPasswordAction(_p: S, form: FormData) {
  return perform(u.changeOwnPassword, form);
}
