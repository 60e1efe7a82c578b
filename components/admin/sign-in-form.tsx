"use client";
// The sign-in form: a plain form posting to a server action (works without JavaScript).
import { useActionState } from "react";
import { signInAction } from "@/lib/actions/sign-in";
import { hydratedAttr, useHydrated } from "@/lib/use-hydrated";
import { FormMessage, TextField } from "./field";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInAction, {});
  const hydrated = useHydrated();
  return (
    <form action={action} className="sign-in-form" noValidate {...hydratedAttr(hydrated)}>
      <input type="hidden" name="next" value={next} />
      <TextField name="email" label="이메일" type="email" autoComplete="username" required defaultValue={state.values?.email ?? ""} errors={state.errors?.email} />
      <TextField name="password" label="비밀번호" type="password" autoComplete="current-password" required errors={state.errors?.password} />
      <FormMessage state={state} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? "확인하는 중…" : "로그인"}
      </button>
    </form>
  );
}
