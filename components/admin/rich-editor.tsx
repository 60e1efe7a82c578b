"use client";
// The article body editor: a small contentEditable island with the blocks an article needs
// (문단, 제목, 소제목, 인용, 목록, 번호목록, 링크, 사진 with caption). Its HTML goes into a
// hidden input and is cleaned on the server with an allowlist. Without JavaScript the
// server-rendered textarea (HTML) is what the form sends.
import { useEffect, useRef, useState } from "react";
import { hydratedAttr, useHydrated } from "@/lib/use-hydrated";
import { uploadPhoto } from "./upload-photo";

type Props = { name: string; initialHtml: string; labelId: string; describedBy: string; onChange: () => void };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const ACCEPT = "image/jpeg,image/png,image/webp,image/avif";

export function RichEditor({ name, initialHtml, labelId, describedBy, onChange }: Props) {
  const enhanced = useHydrated();
  const [html, setHtml] = useState(initialHtml);
  const [note, setNote] = useState("");
  const area = useRef<HTMLDivElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const range = useRef<Range | null>(null);

  useEffect(() => {
    if (!enhanced || !area.current) return;
    area.current.innerHTML = initialHtml.trim() || "<p><br></p>";
    document.execCommand("defaultParagraphSeparator", false, "p");
    // The initial HTML is set once; from here the DOM is the editor's own state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enhanced]);

  const sync = () => {
    setHtml(area.current?.innerHTML ?? "");
    onChange();
  };
  const remember = () => {
    const sel = window.getSelection();
    if (sel?.rangeCount && area.current?.contains(sel.anchorNode)) range.current = sel.getRangeAt(0).cloneRange();
  };
  const restore = () => {
    area.current?.focus();
    const sel = window.getSelection();
    if (range.current && sel) {
      sel.removeAllRanges();
      sel.addRange(range.current);
    }
  };
  const exec = (cmd: string, value?: string) => {
    restore();
    document.execCommand(cmd, false, value);
    remember();
    sync();
  };

  const addLink = () => {
    remember();
    const url = window.prompt("링크 주소 (https://… 또는 mailto:…)", "https://")?.trim();
    if (!url || url === "https://") return;
    if (!/^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(url)) {
      setNote("링크는 http, https, mailto 주소만 쓸 수 있습니다.");
      return;
    }
    if (!range.current || range.current.collapsed) exec("insertHTML", `<a href="${esc(url)}">${esc(url)}</a>`);
    else exec("createLink", url);
  };

  const addPhoto = async (f: File) => {
    const caption = window.prompt("사진 설명 (사진 아래에 보이고, 화면낭독기가 읽습니다)", "")?.trim() ?? "";
    setNote("사진을 올리는 중…");
    try {
      const img = await uploadPhoto(f, caption);
      const cap = caption ? `<figcaption>${esc(caption)}</figcaption>` : "<figcaption></figcaption>";
      exec("insertHTML", `<figure><img src="${esc(img.src)}" alt="${esc(caption)}" width="${img.width}" height="${img.height}">${cap}</figure><p><br></p>`);
      setNote("사진을 넣었습니다. 설명은 사진 아래에서 고칠 수 있습니다.");
    } catch (e) {
      setNote((e as Error).message);
    }
  };

  const onPaste = (e: React.ClipboardEvent) => {
    // Pasted text arrives as plain paragraphs: styles from Word or other sites never get in.
    e.preventDefault();
    const text = e.clipboardData.getData("text/plain");
    const paras = text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
    if (paras.length <= 1) exec("insertText", text);
    else exec("insertHTML", paras.map((p) => `<p>${esc(p)}</p>`).join(""));
  };

  if (!enhanced) {
    return <textarea id="f-body" name={name} defaultValue={initialHtml} rows={18} className="rte-fallback" aria-describedby={describedBy} />;
  }

  const tools: [string, string, () => void][] = [
    ["문단", "일반 문단", () => exec("formatBlock", "p")],
    ["제목", "제목 (큰 소제목)", () => exec("formatBlock", "h2")],
    ["소제목", "작은 소제목", () => exec("formatBlock", "h3")],
    ["인용", "인용문", () => exec("formatBlock", "blockquote")],
    ["목록", "글머리 목록", () => exec("insertUnorderedList")],
    ["번호목록", "번호 목록", () => exec("insertOrderedList")],
    ["굵게", "굵게 (Ctrl+B)", () => exec("bold")],
    ["기울임", "기울임 (Ctrl+I)", () => exec("italic")],
    ["링크", "링크 넣기", addLink],
    ["링크 해제", "링크 없애기", () => exec("unlink")],
    [
      "사진",
      "사진 올려 넣기",
      () => {
        remember();
        file.current?.click();
      },
    ],
  ];
  return (
    <div className="rte" {...hydratedAttr(enhanced)}>
      <div className="rte-toolbar" role="toolbar" aria-label="본문 서식" aria-controls="f-body">
        {tools.map(([label, title, run]) => (
          <button key={label} type="button" title={title} onMouseDown={(e) => e.preventDefault()} onClick={run}>
            {label}
          </button>
        ))}
      </div>
      <div
        ref={area}
        id="f-body"
        className="rte-area article-body"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-labelledby={labelId}
        aria-describedby={describedBy}
        onInput={sync}
        onPaste={onPaste}
        onKeyUp={remember}
        onMouseUp={remember}
        onBlur={remember}
      />
      <input type="hidden" name={name} value={html} />
      <input
        ref={file}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="body-photo-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) void addPhoto(f);
        }}
      />
      <p className="rte-note" aria-live="polite">
        {note}
      </p>
    </div>
  );
}
