"use client";
// One photo's texts in the library (alt, caption, credit): a plain form that works without
// JavaScript; what was typed stays after an error.
import { useActionState } from "react";
import { updatePhotoAction } from "@/lib/actions/photos";
import type { FormState } from "@/lib/actions/safe-action";
import { hydratedAttr, useHydrated } from "@/lib/use-hydrated";
import { FormMessage, TextField } from "./field";

type Props = { id: number; alt: string; caption: string; credit: string };

export function PhotoEditForm({ id, alt, caption, credit }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(updatePhotoAction, {});
  const hydrated = useHydrated();
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="photo-edit" noValidate {...hydratedAttr(hydrated)}>
      <input type="hidden" name="id" value={id} />
      <TextField id={`p${id}-alt`} name="alt" label="대체 글 (보지 못하는 독자용)" maxLength={300} defaultValue={v.alt ?? alt} errors={e.alt} />
      <TextField id={`p${id}-caption`} name="caption" label="사진 설명" maxLength={300} defaultValue={v.caption ?? caption} errors={e.caption} />
      <TextField id={`p${id}-credit`} name="credit" label="출처 (저작권자)" maxLength={100} defaultValue={v.credit ?? credit} errors={e.credit} hint="예: 사진=길림신문" />
      <button type="submit" className="btn" disabled={pending}>
        사진 정보 저장
      </button>
      <FormMessage state={state} />
    </form>
  );
}
