// The article form's own fields: what is written (title to excerpt) and where it comes from
// (section, source, byline, editor). Values come from the stored article or, after a refused
// save, from what was sent.
import type { FormState } from "@/lib/actions/safe-action";
import type { ArticleFormValues } from "./article-editor-values";
import { SelectField, TextField } from "./field";
import { RichEditor } from "./rich-editor";
import { usePhotoPicker } from "./photo-picker";

type FieldErrors = NonNullable<FormState["errors"]>;
type Values = Omit<ArticleFormValues, "id" | "version" | "status" | "coverImageId" | "coverSrc"> & { sectionId: number | string };

export function ArticleTextFields({ values: v, errors: e, onChange }: { values: Values; errors: FieldErrors; onChange: () => void }) {
  // The library's picker for photos in the body ("사진 고르기" in the editor's toolbar).
  const photos = usePhotoPicker();
  return (
    <>
      <TextField name="title" label="제목" required maxLength={200} defaultValue={v.title} errors={e.title} />
      <TextField name="subtitle" label="부제목" maxLength={300} defaultValue={v.subtitle} errors={e.subtitle} />
      <div className="field">
        <label id="f-body-label" htmlFor="f-body">
          본문
        </label>
        <RichEditor name="body" initialHtml={v.body} labelId="f-body-label" describedBy="f-body-error" onChange={onChange} pickPhoto={photos.pick} />
        {photos.dialog}
        <p className="field-error" id="f-body-error" aria-live="polite">
          {e.body?.join(" ")}
        </p>
      </div>
      <TextField name="excerpt" label="요약" multiline rows={3} maxLength={400} defaultValue={v.excerpt} errors={e.excerpt} hint="비워 두면 본문 앞부분으로 만듭니다." />
    </>
  );
}

export function ArticleSourceFields({ values: v, errors: e, sections }: { values: Values; errors: FieldErrors; sections: { id: number; name: string }[] }) {
  return (
    <>
      <SelectField name="sectionId" label="분야" options={sections.map((s) => ({ value: s.id, label: s.name }))} defaultValue={v.sectionId} errors={e.sectionId} />
      <TextField name="sourceName" label="출처 (매체)" required maxLength={100} defaultValue={v.sourceName} errors={e.sourceName} />
      <TextField name="byline" label="기자 서명" maxLength={100} defaultValue={v.byline} errors={e.byline} hint="예: /길림신문 리전기자" />
      <TextField name="editorName" label="편집 (编辑)" maxLength={50} defaultValue={v.editorName} errors={e.editorName} />
    </>
  );
}
