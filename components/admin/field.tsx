// A labelled form field with its error next to it (aria-describedby), for admin forms.
import type { ReactNode } from "react";

type Common = { name: string; label: string; errors?: string[]; hint?: ReactNode; id?: string };

function Describe({ id, errors, hint }: { id: string; errors?: string[]; hint?: ReactNode }) {
  return (
    <>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <p className="field-error" id={`${id}-error`} aria-live="polite">
        {errors?.join(" ")}
      </p>
    </>
  );
}

const describedBy = (id: string, hint: unknown) => (hint ? `${id}-error ${id}-hint` : `${id}-error`);

export function TextField({
  name,
  label,
  errors,
  hint,
  id = `f-${name}`,
  multiline,
  ...input
}: Common & { multiline?: boolean; rows?: number } & React.InputHTMLAttributes<HTMLInputElement>) {
  const props = { id, name, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy(id, hint) };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...props} rows={input.rows ?? 3} defaultValue={input.defaultValue as string} required={input.required} maxLength={input.maxLength} />
      ) : (
        <input {...props} {...input} />
      )}
      <Describe id={id} errors={errors} hint={hint} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  errors,
  hint,
  id = `f-${name}`,
  options,
  defaultValue,
}: Common & { options: { value: string | number; label: string }[]; defaultValue?: string | number }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Describe id={id} errors={errors} hint={hint} />
    </div>
  );
}

export function FormMessage({ state }: { state: { ok?: boolean; message?: string } }) {
  return (
    <p className={`form-message ${state.ok ? "is-ok" : state.message ? "is-error" : ""}`} role="status" aria-live="polite">
      {state.message}
    </p>
  );
}
