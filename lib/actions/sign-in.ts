"use server";
// The sign-in form's action: a server action rather than next-auth's client-side signIn(),
// so that the form works without JavaScript and shows its errors in place. It checks the
// password through the same throttled verifyCredentials as next-auth's Credentials provider
// and writes next-auth's own session cookie, which getServerSession then reads as usual.
import { z } from "zod";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "../auth/client-ip";
import { verifyCredentials } from "../auth/credentials";
import { endSession, safeNext, startSession } from "../auth/session";
import { signInInput } from "../validations/sign-in";
import type { FormState } from "./perform";

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { email: String(form.get("email") ?? ""), next: String(form.get("next") ?? "") };
  const parsed = signInInput.safeParse({ email: form.get("email"), password: form.get("password"), next: form.get("next") ?? undefined });
  if (!parsed.success) return { ok: false, status: 400, message: "이메일과 비밀번호를 입력하세요.", errors: z.flattenError(parsed.error).fieldErrors, values };
  const r = await verifyCredentials(parsed.data.email, parsed.data.password, clientIp(await headers()));
  if (!r.ok) return { ok: false, status: r.throttled ? 429 : 401, message: r.message, values };
  await startSession(r.user);
  redirect(safeNext(parsed.data.next));
}

export async function signOutAction(): Promise<void> {
  await endSession();
  redirect("/admin/login?signedOut=1");
}
