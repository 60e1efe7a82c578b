"use client";
// The article's cover photo, chosen in the photo library's picker (or uploaded from it), with
// the article's own caption, prefilled from the photo's. Without JavaScript the photo's
// number is typed (the field inside <noscript>).
import { useState } from "react";
import Link from "next/link";
import { useHydrated } from "@/lib/use-hydrated";
import { TextField } from "./field";
import { usePhotoPicker } from "./photo-picker";

type Props = {
  initialId: number | "";
  initialSrc: string | null;
  caption: string;
  errors: { coverImageId?: string[]; coverCaption?: string[] };
  onChange: () => void;
};

export function CoverPicker({ initialId, initialSrc, caption: initialCaption, errors, onChange }: Props) {
  const [cover, setCover] = useState({ id: initialId, src: initialSrc, note: "" });
  const [caption, setCaption] = useState(initialCaption);
  const hydrated = useHydrated();
  const picker = usePhotoPicker();

  const choose = async () => {
    const p = await picker.pick();
    if (!p) return;
    setCover({ id: p.id, src: p.src, note: `사진 ${p.id}번을 대표 사진으로 골랐습니다.` });
    // The photo's own caption is the starting point; an article may say it its own way.
    if (!caption.trim()) setCaption(p.caption);
    onChange();
  };

  return (
    <fieldset className="cover-box">
      <legend>대표 사진</legend>
      {cover.src && <img src={cover.src} alt="" className="cover-preview" />}
      {hydrated ? (
        <>
          <input type="hidden" name="coverImageId" value={cover.id} />
          <div className="cover-actions">
            <button type="button" className="btn" onClick={() => void choose()} data-testid="cover-choose">
              {cover.id ? "사진 바꾸기" : "사진 고르기"}
            </button>
            {cover.id !== "" && (
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setCover({ id: "", src: null, note: "대표 사진을 뺐습니다." });
                  onChange();
                }}
              >
                빼기
              </button>
            )}
          </div>
          <p className="field-error" aria-live="polite">
            {errors.coverImageId?.join(" ")}
          </p>
          {picker.dialog}
        </>
      ) : (
        <noscript>
          <TextField
            name="coverImageId"
            label="사진 번호"
            inputMode="numeric"
            defaultValue={initialId}
            errors={errors.coverImageId}
            hint={<Link href="/admin/images">사진 목록에서 번호 찾기</Link>}
          />
        </noscript>
      )}
      <p className="small" aria-live="polite">
        {cover.note}
      </p>
      <TextField name="coverCaption" label="사진 설명" maxLength={300} value={caption} onChange={(e) => setCaption(e.target.value)} errors={errors.coverCaption} />
    </fieldset>
  );
}
