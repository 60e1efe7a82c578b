// Keys of the article form: Ctrl/⌘+S saves (exactly the 저장 button: never publishes), and
// Enter in the title or subtitle moves to the body instead of submitting the form, which
// for a published article would put a half-written title live.
import type { KeyboardEvent } from "react";

export function articleFormKeys(e: KeyboardEvent<HTMLFormElement>) {
  const target = e.target as HTMLElement;
  if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "s") {
    e.preventDefault();
    const save = e.currentTarget.querySelector<HTMLButtonElement>('button[type=submit][name=intent][value=save]');
    if (save && !save.disabled) e.currentTarget.requestSubmit(save);
    return;
  }
  if (e.key === "Enter" && !e.nativeEvent.isComposing && target instanceof HTMLInputElement && (target.name === "title" || target.name === "subtitle")) {
    e.preventDefault();
    document.getElementById("f-body")?.focus();
  }
}
