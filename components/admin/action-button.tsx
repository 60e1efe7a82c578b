"use client";
// One button that runs one server action (publish, hide, restore...): a plain form, so it
// works without JavaScript, with the result shown next to it.
import { useActionState } from "react";
import type { FormState } from "@/lib/actions/safe-action";
import { ActionResult } from "./action-result";
import { hydratedAttr, useHydrated } from "@/lib/use-hydrated";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  fields: Record<string, string | number>;
  label: string;
  confirm?: string;
  danger?: boolean;
  children?: React.ReactNode;
};

export function ActionButton({ action, fields, label, confirm, danger, children }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const hydrated = useHydrated();
  return (
    <form
      action={formAction}
      className="action-form"
      {...hydratedAttr(hydrated)}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={String(v)} />
      ))}
      {children}
      <button type="submit" className={danger ? "btn btn-danger" : "btn"} disabled={pending}>
        {label}
      </button>
      <ActionResult state={state} fieldErrors />
    </form>
  );
}
