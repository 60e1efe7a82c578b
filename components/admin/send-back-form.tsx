"use client";
// "반려" on a submitted article: the editor's note is required, and stays in the box on any error.
import { useActionState } from "react";
import { sendBackArticleAction } from "@/lib/actions/desk";
import type { FormState } from "@/lib/actions/safe-action";
import { ActionResult } from "./action-result";
import { SEND_BACK_MAX } from "@/lib/validations/desk";
import { hydratedAttr, useHydrated } from "@/lib/use-hydrated";

export function SendBackForm({ id, version }: { id: number; version: number }) {
  const [state, action, pending] = useActionState<FormState, FormData>(sendBackArticleAction, {});
  const hydrated = useHydrated();
  const error = state.errors?.note?.join(" ");
  return (
    <form action={action} className="send-back-form" {...hydratedAttr(hydrated)}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <details open={!!state.values}>
        <summary>기자에게 반려</summary>
        <label htmlFor="f-send-back-note">반려 사유 (기자에게 보입니다)</label>
        {/* Keyed by what was sent, so React's reset after the action puts the typed note back. */}
        <textarea
          key={state.values?.note ?? ""}
          id="f-send-back-note"
          name="note"
          rows={3}
          maxLength={SEND_BACK_MAX}
          required
          defaultValue={state.values?.note ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby="f-send-back-note-error"
        />
        <p className="field-error" id="f-send-back-note-error" aria-live="polite">
          {error}
        </p>
        <button type="submit" className="btn btn-danger" disabled={pending}>
          반려
        </button>
        <ActionResult state={state} />
      </details>
    </form>
  );
}
