"use client";
// The newsroom's photo picker: a modal <dialog> over the editor with the library (newest
// first, search by caption, alt text or credit, "더 보기") and an upload with alt, caption
// and credit. `pick()` opens it and resolves with the photo chosen, or null when closed.
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { listPhotosAction, type PhotoPage } from "@/lib/actions/photos";
import type { PickedPhoto } from "./photo-types";

type Item = PhotoPage["items"][number];

async function uploadWithTexts(file: File, texts: { alt: string; caption: string; credit: string }): Promise<PickedPhoto> {
  const fd = new FormData();
  fd.set("file", file);
  fd.set("alt", texts.alt);
  fd.set("caption", texts.caption);
  fd.set("credit", texts.credit);
  const r = await fetch("/admin/images/upload", { method: "POST", body: fd, headers: { accept: "application/json" } });
  const d = (await r.json().catch(() => ({}))) as Partial<PickedPhoto> & { message?: string };
  if (!r.ok || !d.src || !d.id) throw new Error(d.message || "사진을 올리지 못했습니다.");
  return { id: d.id, src: d.src, width: d.width ?? 0, height: d.height ?? 0, alt: texts.alt, caption: texts.caption, credit: texts.credit };
}

export function usePhotoPicker(): { pick: () => Promise<PickedPhoto | null>; dialog: ReactNode } {
  const ref = useRef<HTMLDialogElement>(null);
  const resolver = useRef<((p: PickedPhoto | null) => void) | null>(null);
  const [open, setOpen] = useState(false);

  const finish = useCallback((p: PickedPhoto | null) => {
    resolver.current?.(p);
    resolver.current = null;
    setOpen(false);
    ref.current?.close();
  }, []);

  const pick = useCallback(() => {
    resolver.current?.(null); // a picker opened twice answers the first caller "nothing"
    setOpen(true);
    ref.current?.showModal();
    return new Promise<PickedPhoto | null>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const dialog = (
    <dialog
      ref={ref}
      className="photo-picker"
      aria-labelledby="photo-picker-h"
      onClose={() => resolver.current && finish(null)}
      // The dialog sits inside the article form: Enter in its fields must not submit the
      // article (implicit submission), and typing a search is no edit of the article.
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.target as HTMLElement).tagName === "INPUT") e.preventDefault();
      }}
      onInput={(e) => e.stopPropagation()}
      onChange={(e) => e.stopPropagation()}
    >
      {open && <PickerBody onPick={finish} />}
    </dialog>
  );
  return { pick, dialog };
}

function PickerBody({ onPick }: { onPick: (p: PickedPhoto | null) => void }) {
  const [q, setQ] = useState("");
  const [items, setItems] = useState<Item[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [note, setNote] = useState("사진을 불러오는 중…");
  const [loaded, setLoaded] = useState(false);

  const load = useCallback(async (query: string, before: number | null) => {
    setNote("사진을 불러오는 중…");
    const r = await listPhotosAction({ q: query, before }).catch(() => null);
    if (!r?.ok || !r.data) {
      setNote(r?.message || "사진 목록을 불러오지 못했습니다.");
      return;
    }
    const page = r.data;
    setItems((prev) => (before ? [...prev, ...page.items] : page.items));
    setNext(page.next);
    setLoaded(true);
    setNote(!before && page.items.length === 0 ? (query ? "찾는 사진이 없습니다." : "사진이 없습니다.") : "");
  }, []);

  // The newest photos as soon as the dialog opens (the body mounts on open).
  useEffect(() => {
    void load("", null);
  }, [load]);

  return (
    <div className="photo-picker-body" {...(loaded ? { "data-loaded": "" } : {})}>
      <div className="photo-picker-head">
        <h2 id="photo-picker-h">사진 고르기</h2>
        <button type="button" className="btn" onClick={() => onPick(null)}>
          닫기
        </button>
      </div>
      <div className="photo-picker-search" role="search">
        <label htmlFor="photo-picker-q">설명·대체 글·출처에서 찾기</label>
        <input
          id="photo-picker-q"
          type="search"
          value={q}
          maxLength={100}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches here; it must not submit the article form around the dialog.
            if (e.key === "Enter") {
              e.preventDefault();
              void load(q, null);
            }
          }}
        />
        <button type="button" className="btn" onClick={() => void load(q, null)}>
          찾기
        </button>
      </div>
      <p className="small" aria-live="polite">
        {note}
      </p>
      <ul className="photo-picker-grid">
        {items.map((p) => (
          <li key={p.id}>
            <button type="button" onClick={() => onPick(toPicked(p))} data-photo-id={p.id} title={p.caption || p.alt}>
              <img src={p.thumb} alt={p.alt} loading="lazy" />
              <span className="small">
                {p.caption || p.alt || `번호 ${p.id}`}
                {p.credit && <small> {p.credit}</small>}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {next && (
        <button type="button" className="btn" onClick={() => void load(q, next)}>
          더 보기
        </button>
      )}
      <UploadBox onUploaded={onPick} />
    </div>
  );
}

const toPicked = ({ thumb: _t, ...p }: Item): PickedPhoto => p;

function UploadBox({ onUploaded }: { onUploaded: (p: PickedPhoto) => void }) {
  const [texts, setTexts] = useState({ alt: "", caption: "", credit: "" });
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof texts) => (e: React.ChangeEvent<HTMLInputElement>) => setTexts({ ...texts, [k]: e.target.value });
  const upload = async () => {
    if (!file) return setNote("사진 파일을 고르세요.");
    setBusy(true);
    setNote("사진을 올리는 중…");
    try {
      onUploaded(await uploadWithTexts(file, texts));
    } catch (e) {
      setNote((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="photo-picker-upload">
      <legend>새 사진 올리기</legend>
      <label>
        <span>사진 파일</span>
        <input type="file" accept="image/jpeg,image/png,image/webp,image/avif" data-testid="picker-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <label>
        <span>대체 글</span>
        <input type="text" aria-label="대체 글" data-field="picker-alt" maxLength={300} value={texts.alt} onChange={set("alt")} />
      </label>
      <label>
        <span>사진 설명</span>
        <input type="text" aria-label="사진 설명" data-field="picker-caption" maxLength={300} value={texts.caption} onChange={set("caption")} />
      </label>
      <label>
        <span>출처</span>
        <input type="text" aria-label="출처" data-field="picker-credit" maxLength={100} value={texts.credit} onChange={set("credit")} />
      </label>
      <button type="button" className="btn" disabled={busy} onClick={() => void upload()}>
        올리고 고르기
      </button>
      <p className="small" aria-live="polite">
        {note}
      </p>
    </fieldset>
  );
}
