"use client";
// A small admin form described by data (fields, one submit button): new section, new
// account, own password. Errors appear next to each field; values stay after an error.
import { useActionState } from "react";
import type { FormState } from "@/lib/actions/safe-action";
import { hydratedAttr, useHydrated } from "@/lib/use-hydrated";
import { FormMessage, SelectField, TextField } from "./field";

export type SimpleField = {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  options?: { value: string; label: string }[];
  hint?: string;
  autoComplete?: string;
  defaultValue?: string;
};

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  fields: SimpleField[];
  submit: string;
  hidden?: Record<string, string | number>;
};

export function SimpleForm({ action, fields, submit, hidden = {} }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const hydrated = useHydrated();
  // After a success the form is reset (React does so for form actions): fields start empty.
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={formAction} className="simple-form" noValidate {...hydratedAttr(hydrated)}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={String(v)} />
      ))}
      {fields.map((f) =>
        f.options ? (
          <SelectField key={f.name} name={f.name} label={f.label} options={f.options} defaultValue={values[f.name] ?? f.defaultValue} errors={state.errors?.[f.name]} hint={f.hint} />
        ) : (
          <TextField
            key={f.name}
            name={f.name}
            label={f.label}
            type={f.type ?? "text"}
            autoComplete={f.autoComplete}
            defaultValue={f.type === "password" ? undefined : (values[f.name] ?? f.defaultValue ?? "")}
            errors={state.errors?.[f.name]}
            hint={f.hint}
          />
        ),
      )}
      <FormMessage state={state} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {submit}
      </button>
    </form>
  );
}
