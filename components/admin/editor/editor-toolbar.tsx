"use client";
// The body editor's toolbar. Every button acts on the editor's CURRENT selection (ProseMirror
// keeps it in its state, so a click on the toolbar cannot act on a stale range), and
// aria-pressed shows the formats at the caret.
import type { Editor } from "@tiptap/react";

export type ActiveFormats = {
  paragraph: boolean;
  h2: boolean;
  h3: boolean;
  blockquote: boolean;
  bulletList: boolean;
  orderedList: boolean;
  bold: boolean;
  italic: boolean;
  link: boolean;
  table: boolean;
  canUndo: boolean;
  canRedo: boolean;
};

type Tool = { label: string; title: string; run: () => void; pressed?: boolean; disabled?: boolean };
type Props = { editor: Editor; active: ActiveFormats; onLink: () => void; onUpload: () => void; onPick?: () => void };

export function EditorToolbar({ editor, active: a, onLink, onUpload, onPick }: Props) {
  const c = () => editor.chain().focus();
  const groups: Tool[][] = [
    [
      { label: "되돌리기", title: "되돌리기 (Ctrl+Z)", run: () => c().undo().run(), disabled: !a.canUndo },
      { label: "다시 하기", title: "다시 하기 (Ctrl+Shift+Z, Ctrl+Y)", run: () => c().redo().run(), disabled: !a.canRedo },
    ],
    [
      { label: "문단", title: "일반 문단", run: () => c().setParagraph().run(), pressed: a.paragraph && !a.blockquote && !a.bulletList && !a.orderedList },
      { label: "제목", title: "제목 (큰 소제목)", run: () => c().toggleHeading({ level: 2 }).run(), pressed: a.h2 },
      { label: "소제목", title: "작은 소제목", run: () => c().toggleHeading({ level: 3 }).run(), pressed: a.h3 },
      { label: "인용", title: "인용문", run: () => c().toggleBlockquote().run(), pressed: a.blockquote },
      { label: "목록", title: "글머리 목록", run: () => c().toggleBulletList().run(), pressed: a.bulletList },
      { label: "번호목록", title: "번호 목록", run: () => c().toggleOrderedList().run(), pressed: a.orderedList },
    ],
    [
      { label: "굵게", title: "굵게 (Ctrl+B)", run: () => c().toggleBold().run(), pressed: a.bold },
      { label: "기울임", title: "기울임 (Ctrl+I)", run: () => c().toggleItalic().run(), pressed: a.italic },
      { label: "링크", title: "링크 넣기 (Ctrl+K)", run: onLink, pressed: a.link },
      { label: "링크 해제", title: "링크 없애기", run: () => c().extendMarkRange("link").unsetLink().run(), disabled: !a.link },
    ],
    [
      { label: "사진 올리기", title: "사진 파일을 올려 넣기", run: onUpload },
      ...(onPick ? [{ label: "사진 고르기", title: "사진 보관함에서 고르기", run: onPick }] : []),
      { label: "표", title: "표 넣기 (3×3, 첫 줄은 머리글)", run: () => c().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), disabled: a.table },
    ],
    ...(a.table
      ? [
          [
            { label: "줄 추가", title: "아래에 줄 추가", run: () => c().addRowAfter().run() },
            { label: "칸 추가", title: "오른쪽에 칸 추가", run: () => c().addColumnAfter().run() },
            { label: "줄 삭제", title: "이 줄 지우기", run: () => c().deleteRow().run() },
            { label: "칸 삭제", title: "이 칸 지우기", run: () => c().deleteColumn().run() },
            { label: "셀 합치기/나누기", title: "고른 셀을 합치거나 합친 셀을 나누기", run: () => c().mergeOrSplit().run() },
            { label: "표 삭제", title: "표 전체 지우기", run: () => c().deleteTable().run() },
          ],
        ]
      : []),
  ];
  return (
    <div className="rte-toolbar" role="toolbar" aria-label="본문 서식" aria-controls="f-body">
      {groups.map((g, i) => (
        <span className="rte-group" key={i}>
          {g.map((t) => (
            <button
              key={t.label}
              type="button"
              title={t.title}
              aria-pressed={t.pressed === undefined ? undefined : t.pressed}
              disabled={t.disabled}
              // Keep the editor's focus and selection while the button is pressed.
              onMouseDown={(e) => e.preventDefault()}
              onClick={t.run}
            >
              {t.label}
            </button>
          ))}
        </span>
      ))}
    </div>
  );
}
