"use server";
// Accounts; definitions in ./core/users.ts, schemas in lib/validations/admin.ts. Every change
// to an account ends its sessions (a new session version).
//   createUserAction          createUserInput      admins  a new account
//   setUserRoleAction         setRoleInput         admins  another account's role
//   setUserDisabledAction     setDisabledInput     admins  another account closed or opened
//   changeOwnPasswordAction   changePasswordInput  staff   one's own password; this session goes on under a new token
import { perform, type FormState } from "./safe-action";
import * as u from "./core/users";
import { getActor, startSession } from "../auth/session";

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
/** A new password ends every session of the account; this one goes on under a fresh token
 *  (the current password was just proven, so its lifetime starts again too). */
export async function changeOwnPasswordAction(_p: S, form: FormData) {
  const actor = await getActor();
  const r = await perform(u.changeOwnPassword, form);
  if (r.ok && actor && r.data) await startSession(actor, r.data.sessionVersion);
  return { ...r, data: undefined };
}
