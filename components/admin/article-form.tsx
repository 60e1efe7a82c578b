"use client";
// The article editor form. Works as a plain form without JavaScript; with it, the body gets
// the rich editor, drafts autosave (use-article-autosave.ts), and the form is never reset
// under the editor's hands after a save.
import { useActionState, useRef, useState, startTransition } from "react";
import { saveArticleAction } from "@/lib/actions/articles";
import { keepAsRevisionAction } from "@/lib/actions/desk";
import type { FormState } from "@/lib/actions/safe-action";
import type { SavedArticle } from "@/lib/actions/core/article-save";
import { hydratedAttr, useHydrated } from "@/lib/use-hydrated";
import type { ArticleFormValues } from "./article-editor-values";
import { ArticleSourceFields, ArticleTextFields } from "./article-fields";
import { articleFormKeys } from "./article-form-keys";
import { ArticleSaveBox } from "./article-save-box";
import { CoverPicker } from "./cover-picker";
import { SeoBox, TagsField } from "./article-library-fields";
import { useArticleAutosave } from "./use-article-autosave";

/** `unsaved`: the values are an autosave loaded with "불러오기", not the stored article. */
type Props = { initial: ArticleFormValues; sections: { id: number; name: string }[]; canPublish: boolean; unsaved?: boolean };

export function ArticleForm({ initial, sections, canPublish, unsaved }: Props) {
  const [state, formAction, pending] = useActionState<FormState<SavedArticle>, FormData>(saveArticleAction, {});
  const form = useRef<HTMLFormElement>(null);
  const saves = useArticleAutosave(form, { ...initial, dirty: unsaved }, state, pending);
  const [kept, setKept] = useState<{ ok: boolean; message: string } | null>(null);

  /** After a refused save: the text on screen goes into the history, nothing else changes. */
  const keep = async () => {
    const el = form.current;
    if (!el) return;
    const fd = new FormData(el);
    fd.set("id", String(saves.id ?? ""));
    try {
      const r = await keepAsRevisionAction(fd);
      setKept({ ok: !!r.ok, message: r.message ?? "" });
    } catch {
      setKept({ ok: false, message: "보관하지 못했습니다 (연결을 확인하세요). 글을 복사해 두세요." });
    }
  };

  /**
   * The reader's view of what is on screen: the tab opens at once (a window opened after an
   * await may be blocked), then goes to the preview of the text just autosaved. A published
   * article's text is an autosave revision (readers' page unchanged); a draft's is its row.
   */
  const preview = async () => {
    const id = saves.id;
    if (!id) return;
    const tab = window.open("", "_blank");
    let url = `/admin/articles/${id}/preview`;
    if (saves.halted) {
      // Saving is refused (someone saved first): show this text from a kept revision instead.
      const fd = new FormData(form.current!);
      fd.set("id", String(id));
      const r = await keepAsRevisionAction(fd).catch(() => null);
      if (r?.ok && r.data) url += `?revision=${r.data.revisionId}`;
    } else if (saves.isDirty()) {
      const saved = await saves.flush();
      if (saved?.revisionId) url += `?revision=${saved.revisionId}`;
    }
    if (tab) tab.location.href = url;
    else window.location.href = url;
  };
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
        <TagsField initial={values.tags} errors={errors} onChange={saves.markDirty} />
        <SeoBox values={{ ...values, socialImageId: values.socialImageId === "" ? "" : Number(values.socialImageId) || "" }} errors={errors} onChange={saves.markDirty} />
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
          onKeep={() => void keep()}
          kept={kept}
          onPreview={() => void preview()}
        />
        <ArticleSourceFields values={values} errors={errors} sections={sections} />
        <CoverPicker initialId={initial.coverImageId} initialSrc={initial.coverSrc} caption={values.coverCaption} errors={errors} onChange={saves.markDirty} />
      </aside>
    </form>
  );
}
