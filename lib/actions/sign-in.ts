"use server";
// The sign-in form's action: a server action rather than next-auth's client-side signIn(),
// so that the form works without JavaScript and shows its errors in place. It checks the
// password through the same throttled verifyCredentials as next-auth's Credentials provider
// and writes next-auth's own session cookie, which getServerSession then reads as usual.
import { z } from "zod";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { verifySignIn } from "../auth/credentials";
import { endSession, getActor, safeNext, startSession } from "../auth/session";
import { bumpSessionVersion } from "../data/accounts";
import { signInInput } from "../validations/sign-in";
import type { FormState } from "./perform";

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { email: String(form.get("email") ?? ""), next: String(form.get("next") ?? "") };
  const parsed = signInInput.safeParse({ email: form.get("email"), password: form.get("password"), next: form.get("next") ?? undefined });
  if (!parsed.success) return { ok: false, status: 400, message: "이메일과 비밀번호를 입력하세요.", errors: z.flattenError(parsed.error).fieldErrors, values };
  const r = await verifySignIn(await headers(), parsed.data.email, parsed.data.password);
  if (!r.ok) return { ok: false, status: r.throttled ? 429 : 401, message: r.message, values };
  await startSession(r.user, r.sessionVersion);
  redirect(safeNext(parsed.data.next));
}

/** Signing out ends every session of the account (the version in all its tokens is now stale):
 *  simpler than a list of revoked tokens, and a lost phone's session ends with it. */
export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await bumpSessionVersion(actor.id);
  await endSession();
  redirect("/admin/login?signedOut=1");
}
