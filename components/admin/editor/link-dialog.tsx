"use client";
// Ctrl+K / 링크: a small Korean dialog for a link's address (http, https or mailto only).
// With text selected, that text becomes the link; with none, the address itself is put in.
import { useEffect, useRef, useState } from "react";
import type { Editor } from "@tiptap/react";

const ALLOWED = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

export function LinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const current = (editor.getAttributes("link").href as string | undefined) ?? "";
  const [url, setUrl] = useState(current || "https://");
  const [error, setError] = useState("");

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const close = () => {
    dialog.current?.close();
    onClose();
    editor.commands.focus();
  };
  const apply = () => {
    const href = url.trim();
    if (!ALLOWED.test(href)) {
      setError("링크는 http://, https:// 또는 mailto: 로 시작하는 주소만 쓸 수 있습니다.");
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive("link")) {
      editor.chain().focus().insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
    }
    dialog.current?.close();
    onClose();
  };

  return (
    <dialog ref={dialog} className="rte-dialog" aria-labelledby="rte-link-title" onCancel={(e) => (e.preventDefault(), close())}>
      <h2 id="rte-link-title">링크 넣기</h2>
      <label htmlFor="rte-link-url">링크 주소</label>
      <input
        id="rte-link-url"
        type="url"
        value={url}
        autoFocus
        aria-describedby="rte-link-error"
        aria-invalid={error ? true : undefined}
        onChange={(e) => setUrl(e.target.value)}
        onKeyDown={(e) => {
          // Enter here must not submit the article form around the dialog.
          if (e.key === "Enter" && !e.nativeEvent.isComposing) {
            e.preventDefault();
            apply();
          }
        }}
      />
      <p id="rte-link-error" className="field-error" aria-live="polite">
        {error}
      </p>
      <div className="rte-dialog-buttons">
        <button type="button" className="btn btn-primary" onClick={apply}>
          넣기
        </button>
        <button type="button" className="btn" onClick={close}>
          취소
        </button>
      </div>
    </dialog>
  );
}
