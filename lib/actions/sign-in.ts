"use server";
// Signing in and out of the newsroom.
//   signInAction    signInInput (lib/validations/sign-in.ts)  anyone  checks e-mail and password through the
//                   throttled verifyCredentials (the site's one client-address rule), then starts a 12-hour
//                   next-auth JWT session and goes to `next`; on error the form keeps the e-mail, with a Korean message
//   signOutAction   —                                          staff   ends every session of the account
// A server action rather than next-auth's own sign-in endpoint: see the README ("Newsroom")
// for why; the session it starts is next-auth's own token and cookie.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { verifySignIn } from "../auth/credentials";
import { endSession, getActor, safeNext, startSession } from "../auth/session";
import { bumpSessionVersion } from "../data/accounts";
import { signInInput } from "../validations/sign-in";
import { parseInput, type FormState } from "./safe-action";

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { email: String(form.get("email") ?? ""), next: String(form.get("next") ?? "") };
  const input = parseInput(signInInput, { email: form.get("email"), password: form.get("password"), next: form.get("next") ?? undefined });
  if (!input.ok) return { ok: false, status: 400, message: "이메일과 비밀번호를 입력하세요.", errors: input.errors, values };
  const r = await verifySignIn(await headers(), input.data.email, input.data.password);
  if (!r.ok) return { ok: false, status: r.throttled ? 429 : 401, message: r.message, values };
  await startSession(r.user, r.sessionVersion);
  redirect(safeNext(input.data.next));
}

/** Signing out ends every session of the account (the version in all its tokens is now stale):
 *  simpler than a list of revoked tokens, and a lost phone's session ends with it. */
export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await bumpSessionVersion(actor.id);
  await endSession();
  redirect("/admin/login?signedOut=1");
}
