// What a newsroom form's action answered, next to its button: a live region screen readers
// announce, green or red. `fieldErrors` adds the per-field messages for forms that show no
// field of their own (one button, a bulk bar); `as="p"` with an `id` for a form whose fields
// point at it (aria-describedby).
import type { FormState } from "@/lib/actions/safe-action";

type Props = { state: FormState; fieldErrors?: boolean; as?: "span" | "p"; id?: string };

export function ActionResult({ state, fieldErrors = false, as: Tag = "span", id }: Props) {
  return (
    <Tag id={id} className={`action-result ${state.ok ? "is-ok" : "is-error"}`} role="status" aria-live="polite">
      {state.message}
      {fieldErrors && state.errors && ` ${Object.values(state.errors).flat().join(" ")}`}
    </Tag>
  );
}
