"use client";
// The article editor form. Works as a plain form without JavaScript; with it, the body gets
// the rich editor, drafts autosave (use-article-autosave.ts), and the form is never reset
// under the editor's hands after a save.
import { useActionState, useRef, startTransition } from "react";
import { saveArticleAction } from "@/lib/actions/articles";
import type { FormState } from "@/lib/actions/safe-action";
import type { SavedArticle } from "@/lib/actions/core/article-save";
import { hydratedAttr, useHydrated } from "@/lib/use-hydrated";
import type { ArticleFormValues } from "./article-editor-values";
import { ArticleSourceFields, ArticleTextFields } from "./article-fields";
import { articleFormKeys } from "./article-form-keys";
import { ArticleSaveBox } from "./article-save-box";
import { CoverPicker } from "./cover-picker";
import { useArticleAutosave } from "./use-article-autosave";

type Props = { initial: ArticleFormValues; sections: { id: number; name: string }[]; canPublish: boolean };

export function ArticleForm({ initial, sections, canPublish }: Props) {
  const [state, formAction, pending] = useActionState<FormState<SavedArticle>, FormData>(saveArticleAction, {});
  const form = useRef<HTMLFormElement>(null);
  const saves = useArticleAutosave(form, initial, state, pending);
  const hydrated = useHydrated();
  // After a refused save, what was sent; otherwise the stored article.
  const values = { ...initial, ...state.values };
  const errors = state.errors ?? {};

  return (
    <form
      ref={form}
      action={formAction}
      className="article-form"
      {...hydratedAttr(hydrated)}
      noValidate
      onInput={saves.markDirty}
      onKeyDown={articleFormKeys}
      onSubmit={(ev) => {
        // Submitted by hand so that React does not reset the form after the action.
        ev.preventDefault();
        const submitter = (ev.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        saves.save(new FormData(ev.currentTarget, submitter), (fd) => startTransition(() => formAction(fd)));
      }}
    >
      <input type="hidden" name="id" value={saves.id ?? ""} />
      <input type="hidden" name="version" value={saves.version ?? ""} />
      {initial.id === null && <input type="hidden" name="fromNew" value="1" />}
      <div className="article-form-main">
        <ArticleTextFields values={values} errors={errors} onChange={saves.markDirty} />
      </div>
      <aside className="article-form-side">
        <ArticleSaveBox
          id={saves.id}
          status={saves.status}
          autoNote={saves.autoNote}
          halted={saves.halted}
          state={state}
          pending={pending}
          canPublish={canPublish}
          scheduledAt={values.scheduledAt}
        />
        <ArticleSourceFields values={values} errors={errors} sections={sections} />
        <CoverPicker initialId={initial.coverImageId} initialSrc={initial.coverSrc} caption={values.coverCaption} errors={errors} onChange={saves.markDirty} />
      </aside>
    </form>
  );
}
