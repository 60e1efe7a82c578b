// A field's error message, next to the field and announced when it appears.
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  return (
    <p id={id} className="comment-error" aria-live="polite">
      {messages?.[0]}
    </p>
  );
}
