"use client";
// The article editor's tags field (with suggestions of existing tags) and its "검색·공유
// 설정" box (SEO title and description with character counters, the social-card photo).
// Plain inputs underneath, so the form still saves them without JavaScript.
import { useEffect, useState } from "react";
import { suggestTagsAction } from "@/lib/actions/tags";
import { MAX_TAGS, MAX_TAG_LENGTH } from "@/lib/validations/tags";
import { useHydrated } from "@/lib/use-hydrated";
import { TextField } from "./field";
import { usePhotoPicker } from "./photo-picker";

type Errors = Record<string, string[] | undefined>;

export function TagsField({ initial, errors, onChange }: { initial: string; errors: Errors; onChange: () => void }) {
  const [value, setValue] = useState(initial);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const last = value.split(/[,，、]/).pop()?.trim() ?? "";

  useEffect(() => {
    if (!last) return setSuggestions([]);
    let stale = false;
    const t = setTimeout(async () => {
      const r = await suggestTagsAction(last).catch(() => null);
      if (!stale) setSuggestions(r?.ok && r.data ? r.data.filter((s) => s !== last) : []);
    }, 200);
    return () => {
      stale = true;
      clearTimeout(t);
    };
  }, [last]);

  const accept = (name: string) => {
    const parts = value.split(/[,，、]/);
    parts[parts.length - 1] = ` ${name}`;
    setValue(`${parts.join(",").replace(/^\s+/, "")}, `);
    setSuggestions([]);
    onChange();
  };

  return (
    <div className="tags-field">
      <TextField
        name="tags"
        label="태그"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        maxLength={MAX_TAGS * (MAX_TAG_LENGTH + 2)}
        autoComplete="off"
        errors={errors.tags}
        hint={`쉼표로 나눕니다. ${MAX_TAGS}개까지, 하나에 ${MAX_TAG_LENGTH}자까지.`}
      />
      {suggestions.length > 0 && (
        <ul className="tag-suggestions" aria-label="있는 태그">
          {suggestions.map((s) => (
            <li key={s}>
              <button type="button" className="btn" onClick={() => accept(s)}>
                {s}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Counted({ name, label, max, initial, errors, multiline }: { name: string; label: string; max: number; initial: string; errors: Errors; multiline?: boolean }) {
  const [length, setLength] = useState(initial.length);
  return (
    <div className="counted" onInput={(e) => setLength((e.target as HTMLInputElement).value.length)}>
      <TextField name={name} label={label} maxLength={max} defaultValue={initial} errors={errors[name]} multiline={multiline} rows={3} hint={`${length} / ${max}자`} />
    </div>
  );
}

type SeoValues = { seoTitle: string; seoDescription: string; socialImageId: number | ""; socialSrc: string | null };

export function SeoBox({ values, errors, onChange }: { values: SeoValues; errors: Errors; onChange: () => void }) {
  const [social, setSocial] = useState({ id: values.socialImageId, src: values.socialSrc });
  const hydrated = useHydrated();
  const picker = usePhotoPicker();
  const open = !!(values.seoTitle || values.seoDescription || values.socialImageId || errors.seoTitle || errors.seoDescription || errors.socialImageId);
  return (
    <details className="seo-box" open={open}>
      <summary>검색·공유 설정</summary>
      <Counted name="seoTitle" label="검색 제목" max={70} initial={values.seoTitle} errors={errors} />
      <Counted name="seoDescription" label="검색 설명" max={160} initial={values.seoDescription} errors={errors} multiline />
      <p className="field-hint">비워 두면 기사 제목과 요약을 씁니다.</p>
      <div className="field">
        <span className="field-label">공유 사진</span>
        {social.src && <img src={social.src} alt="" className="cover-preview" />}
        {hydrated ? (
          <>
            <input type="hidden" name="socialImageId" value={social.id} />
            <button
              type="button"
              className="btn"
              onClick={async () => {
                const p = await picker.pick();
                if (!p) return;
                setSocial({ id: p.id, src: p.src });
                onChange();
              }}
            >
              공유 사진 고르기
            </button>
            {social.id !== "" && (
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setSocial({ id: "", src: null });
                  onChange();
                }}
              >
                빼기
              </button>
            )}
            {picker.dialog}
          </>
        ) : (
          <noscript>
            <input name="socialImageId" inputMode="numeric" defaultValue={values.socialImageId} aria-label="공유 사진 번호" />
          </noscript>
        )}
        <p className="field-hint">비워 두면 대표 사진을 씁니다.</p>
        <p className="field-error" aria-live="polite">
          {errors.socialImageId?.join(" ")}
        </p>
      </div>
    </details>
  );
}
