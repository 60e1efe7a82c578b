"use client";
// The bar of a list's bulk actions: one form whose checkboxes sit in the table's rows
// (`<input form={id} name="ids">`, so rows may hold forms of their own), a submit button per
// action, and the outcome per row summed up. A plain form: it works without JavaScript;
// with it, "모두 고르기" ticks every row.
import { useActionState } from "react";
import type { FormState } from "@/lib/actions/safe-action";
import { ActionResult } from "./action-result";
import { hydratedAttr, useHydrated } from "@/lib/use-hydrated";

type Props = {
  id: string;
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  ops: { value: string; label: string; danger?: boolean }[];
  /** What the rows are, for the labels: "기사", "댓글". */
  noun: string;
};

export function BulkForm({ id, action, ops, noun }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const hydrated = useHydrated();
  const boxes = () => [...document.querySelectorAll<HTMLInputElement>(`input[form="${id}"][name="ids"]`)];
  return (
    <form id={id} action={formAction} className="bulk-bar" aria-label={`고른 ${noun} 한꺼번에`} {...hydratedAttr(hydrated)}>
      {hydrated && (
        <label className="small">
          <input type="checkbox" onChange={(e) => boxes().forEach((b) => (b.checked = e.currentTarget.checked))} /> 모두 고르기
        </label>
      )}
      <span className="small muted">고른 {noun}:</span>
      {ops.map((op) => (
        <button key={op.value} type="submit" name="op" value={op.value} className={op.danger ? "btn btn-danger" : "btn"} disabled={pending}>
          {op.label}
        </button>
      ))}
      <ActionResult state={state} fieldErrors />
    </form>
  );
}
