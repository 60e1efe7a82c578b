"use client";
// The article's cover photo: a number from the photo list, or a new upload, with its caption.
import { useState } from "react";
import Link from "next/link";
import { TextField } from "./field";
import { uploadPhoto } from "./upload-photo";

type Props = {
  initialId: number | "";
  initialSrc: string | null;
  caption: string;
  errors: { coverImageId?: string[]; coverCaption?: string[] };
  onChange: () => void;
};

export function CoverPicker({ initialId, initialSrc, caption, errors, onChange }: Props) {
  const [cover, setCover] = useState({ id: initialId, src: initialSrc, note: "" });

  const upload = async (f: File) => {
    setCover((c) => ({ ...c, note: "사진을 올리는 중…" }));
    try {
      const img = await uploadPhoto(f, "");
      setCover({ id: img.id, src: img.src, note: "대표 사진을 바꿨습니다." });
      onChange();
    } catch (err) {
      setCover((c) => ({ ...c, note: (err as Error).message }));
    }
  };

  return (
    <fieldset className="cover-box">
      <legend>대표 사진</legend>
      {cover.src && <img src={cover.src} alt="" className="cover-preview" />}
      <TextField
        name="coverImageId"
        label="사진 번호"
        inputMode="numeric"
        value={cover.id}
        onChange={(ev) => setCover({ ...cover, id: ev.target.value === "" ? "" : Number(ev.target.value) || "", src: null })}
        errors={errors.coverImageId}
        hint={<Link href="/admin/images">사진 목록에서 번호 찾기</Link>}
      />
      <label className="btn btn-file">
        사진 올리기
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif"
          data-testid="cover-photo-input"
          onChange={(ev) => {
            const f = ev.target.files?.[0];
            ev.target.value = "";
            if (f) void upload(f);
          }}
        />
      </label>
      <p className="small" aria-live="polite">
        {cover.note}
      </p>
      <TextField name="coverCaption" label="사진 설명" maxLength={300} defaultValue={caption} errors={errors.coverCaption} />
    </fieldset>
  );
}
