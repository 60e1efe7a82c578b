"use client";
// The article body editor, on Tiptap 3 (ProseMirror). Why Tiptap: ProseMirror's schema makes
// "what the editor can hold" a declared document model — the same one lib/sanitize.ts
// allows (paragraphs, h2/h3, quote, lists, links, bold/italic, breaks, figures with caption
// and credit, plain tables) — and every paste goes through that schema, so what the editor
// shows is what readers get. It is MIT, well kept, and works with React 19. The old
// document.execCommand editor acted on stale selections and saved empty <p></p>s.
// The body travels in a hidden input as canonical HTML (lib/editor/body-tree.ts); without
// JavaScript the server-rendered textarea is what the form sends, cleaned on the server.
import { useCallback, useRef, useState } from "react";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { Extension } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";
import { NodeSelection, TextSelection, type Transaction } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { hydratedAttr, useHydrated } from "@/lib/use-hydrated";
import { normaliseBody } from "@/lib/editor/body-tree";
import { pastedHtmlToBody, plainTextToHtml } from "@/lib/editor/paste";
import type { PickedPhoto } from "./photo-types";
import { Figure } from "./editor/figure-node";
import { LinkDialog } from "./editor/link-dialog";
import { EditorToolbar } from "./editor/editor-toolbar";
import { uploadPhoto } from "./upload-photo";

type Props = {
  name: string;
  initialHtml: string;
  labelId: string;
  describedBy: string;
  onChange: () => void;
  /** The photo library's picker; when given, the toolbar offers "사진 고르기". */
  pickPhoto?: () => Promise<PickedPhoto | null>;
};

export const ACCEPT = "image/jpeg,image/png,image/webp,image/avif";
const FOREIGN_PHOTOS = "다른 사이트의 사진은 붙여 넣지 않았습니다. 사진 파일로 올려 주세요.";
type Upload = { id: number; name: string; percent: number };

/** With a photo selected, `text` starts a new paragraph after it (true), else false. */
function typeAfterPhoto(view: EditorView, text: string): boolean {
  const sel = view.state.selection;
  if (!(sel instanceof NodeSelection) || sel.node.type.name !== "figure") return false;
  const para = view.state.schema.nodes.paragraph.create(null, view.state.schema.text(text));
  const tr = view.state.tr.insert(sel.to, para);
  tr.setSelection(TextSelection.create(tr.doc, sel.to + 1 + text.length));
  view.dispatch(tr.scrollIntoView());
  return true;
}

const htmlHasText = (html: string | undefined) => !!html && !!new DOMParser().parseFromString(html, "text/html").body.textContent?.trim();

const imageFiles = (list: FileList | null | undefined) => Array.from(list ?? []).filter((f) => f.type.startsWith("image/"));

/** Which formats and commands apply at the editor's current selection (the toolbar's state). */
function formatsAt(e: Editor) {
  return {
    paragraph: e.isActive("paragraph"),
    h2: e.isActive("heading", { level: 2 }),
    h3: e.isActive("heading", { level: 3 }),
    blockquote: e.isActive("blockquote"),
    bulletList: e.isActive("bulletList"),
    orderedList: e.isActive("orderedList"),
    bold: e.isActive("bold"),
    italic: e.isActive("italic"),
    link: e.isActive("link"),
    table: e.isActive("table"),
    canUndo: e.can().undo(),
    canRedo: e.can().redo(),
  };
}

export function RichEditor({ name, initialHtml, labelId, describedBy, onChange, pickPhoto }: Props) {
  const enhanced = useHydrated();
  const [note, setNote] = useState("");
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [linkOpen, setLinkOpen] = useState(false);
  // Hydrated for tests and people alike once the editor exists and the hidden input holds its HTML.
  const [ready, setReady] = useState(false);
  // The body's value is written only here, never by React: a hidden input's defaultValue IS
  // its value, so React would put the first HTML back on every re-render of this component.
  const firstHtml = useRef(initialHtml);
  const hidden = useRef<HTMLInputElement | null>(null);
  // Stable (useCallback): React calls a new ref function on every render, with null first.
  const hiddenRef = useCallback((el: HTMLInputElement | null) => {
    if (el && !el.dataset.ready) {
      el.value = firstHtml.current;
      el.dataset.ready = "1";
    }
    hidden.current = el;
  }, []);
  const file = useRef<HTMLInputElement>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  const uploadSeq = useRef(0);

  const sync = (editor: Editor) => {
    if (hidden.current) hidden.current.value = normaliseBody(editor.getHTML());
  };

  /** Uploads photos, then puts them in as figures at `at` (a document position), in order. */
  const insertPhotos = async (editor: Editor, files: File[], at: number) => {
    let pos = at;
    // What the editor does while a photo uploads (typing, more pastes) moves the target along.
    const track = ({ transaction }: { transaction: Transaction }) => {
      pos = transaction.mapping.map(pos);
    };
    editor.on("transaction", track);
    try {
      for (const f of files) {
        const id = ++uploadSeq.current;
        setUploads((u) => [...u, { id, name: f.name, percent: 0 }]);
        try {
          const img = await uploadPhoto(f, "", (percent) => setUploads((u) => u.map((x) => (x.id === id ? { ...x, percent } : x))));
          const node = { type: "figure", attrs: { src: img.src, alt: img.alt ?? "", width: String(img.width), height: String(img.height), caption: "", credit: "" } };
          editor.chain().focus().insertContentAt(Math.min(pos, editor.state.doc.content.size), node).run();
          pos = editor.state.selection.to;
          setNote("사진을 넣었습니다. 사진 아래 칸에 설명과 출처를 쓰세요.");
        } catch (e) {
          setNote((e as Error).message);
        } finally {
          setUploads((u) => u.filter((x) => x.id !== id));
        }
      }
    } finally {
      editor.off("transaction", track);
    }
  };

  const editor = useEditor(
    {
      immediatelyRender: false,
      extensions: [
        StarterKit.configure({
          heading: { levels: [2, 3] },
          code: false,
          codeBlock: false,
          strike: false,
          underline: false,
          horizontalRule: false,
          link: {
            openOnClick: false,
            autolink: false,
            protocols: [],
            HTMLAttributes: { rel: "noopener nofollow", target: null, class: null },
            isAllowedUri: (url) => /^(https?:\/\/|mailto:)/i.test(url.trim()),
          },
        }),
        TableKit.configure({ table: { resizable: false } }),
        Figure,
        Extension.create({
          name: "newsroomKeys",
          addKeyboardShortcuts: () => ({
            "Mod-k": () => {
              setLinkOpen(true);
              return true;
            },
          }),
        }),
      ],
      content: initialHtml,
      editorProps: {
        attributes: {
          id: "f-body",
          class: "rte-area article-body",
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": labelId,
          "aria-describedby": describedBy,
        },
        transformPastedHTML: (html) => {
          const r = pastedHtmlToBody(html, window.location.origin);
          if (r.foreignImages) setNote(FOREIGN_PHOTOS);
          return r.html;
        },
        handlePaste: (view, event) => {
          const ed = editorRef.current;
          const files = imageFiles(event.clipboardData?.files);
          const html = event.clipboardData?.getData("text/html");
          const text = event.clipboardData?.getData("text/plain");
          // Word and Excel also put a picture of the copied text on the clipboard: text wins.
          if (ed && files.length && !htmlHasText(html)) {
            event.preventDefault();
            void insertPhotos(ed, files, view.state.selection.from);
            return true;
          }
          if (ed && !html && text) {
            // Plain text: a paragraph per blank-line-separated block.
            ed.commands.insertContent(plainTextToHtml(text));
            return true;
          }
          return false;
        },
        handleDrop: (view, event, _slice, moved) => {
          const ed = editorRef.current;
          const files = imageFiles(event.dataTransfer?.files);
          if (moved || !ed || !files.length) return false;
          event.preventDefault();
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from;
          void insertPhotos(ed, files, at);
          return true;
        },
        // Typing while a photo is selected writes a new paragraph after it instead of replacing it.
        handleTextInput: (view, _from, _to, text) => typeAfterPhoto(view, text),
        handleDOMEvents: {
          // Text inserted without key events (IME, input tools) takes the same way.
          beforeinput: (view, event) => {
            if (event.inputType !== "insertText" || !event.data || !typeAfterPhoto(view, event.data)) return false;
            event.preventDefault();
            return true;
          },
        },
      },
      onCreate: ({ editor }) => {
        sync(editor);
        setReady(true);
      },
      onUpdate: ({ editor }) => {
        sync(editor);
        changed.current();
      },
    },
    [],
  );
  const editorRef = useRef<Editor | null>(null);
  editorRef.current = editor;

  // useEditorState follows the editor's transactions; before the first one (a fresh page,
  // nothing clicked yet) it still holds what it read while the editor was being created
  // (null), so the toolbar is read straight from the editor then: it must be there at once.
  const tracked = useEditorState({ editor, selector: ({ editor: e }) => e && formatsAt(e) });
  const active = tracked ?? (editor && ready ? formatsAt(editor) : null);

  if (!enhanced) {
    return <textarea id="f-body" name={name} defaultValue={initialHtml} rows={18} className="rte-fallback" aria-describedby={describedBy} />;
  }

  const pick = pickPhoto
    ? async () => {
        const p = await pickPhoto();
        if (!p || !editor) return;
        editor
          .chain()
          .focus()
          .insertContent({ type: "figure", attrs: { src: p.src, alt: p.alt, width: String(p.width), height: String(p.height), caption: p.caption, credit: p.credit } })
          .run();
      }
    : undefined;

  return (
    <div className="rte" {...hydratedAttr(enhanced && !!editor && ready)}>
      {editor && active && (
        <EditorToolbar editor={editor} active={active} onLink={() => setLinkOpen(true)} onUpload={() => file.current?.click()} onPick={pick} />
      )}
      <EditorContent editor={editor} />
      <input ref={hiddenRef} type="hidden" name={name} />
      <input
        ref={file}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        data-testid="body-photo-input"
        onChange={(e) => {
          const files = imageFiles(e.target.files);
          e.target.value = "";
          if (editor && files.length) void insertPhotos(editor, files, editor.state.selection.from);
        }}
      />
      {uploads.length > 0 && (
        <div className="rte-uploads" role="status" data-testid="upload-progress">
          {uploads.map((u) => (
            <p key={u.id}>
              <span>사진 올리는 중… {u.percent}%</span> <progress max={100} value={u.percent} aria-label={`${u.name} 올리는 중`} />
            </p>
          ))}
        </div>
      )}
      <p className="rte-note" aria-live="polite">
        {note}
      </p>
      {editor && linkOpen && <LinkDialog editor={editor} onClose={() => setLinkOpen(false)} />}
    </div>
  );
}
