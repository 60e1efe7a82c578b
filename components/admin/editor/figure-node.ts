// The body's photo: one atom node for <figure><img><figcaption>caption<small>credit</small>
// </figcaption></figure>, the shape lib/sanitize.ts allows. Caption, credit and alt text are
// attributes edited in small fields under the photo (the node view), so the caption can
// never hold markup and can never be left as an empty <figcaption>.
import { Node, mergeAttributes } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";

export type FigureAttrs = { src: string; alt: string; width: string | null; height: string | null; caption: string; credit: string };

const ownMedia = (src: string | null) => (src && /^\/media\/[A-Za-z0-9]/.test(src) ? src : null);

function readFigure(dom: HTMLElement): FigureAttrs | false {
  const img = dom.tagName === "IMG" ? (dom as HTMLImageElement) : dom.querySelector("img");
  const src = ownMedia(img?.getAttribute("src") ?? null);
  if (!img || !src) return false;
  const cap = dom.querySelector("figcaption");
  const small = cap?.querySelector("small");
  const credit = small?.textContent?.trim() ?? "";
  const caption = cap ? Array.from(cap.childNodes).filter((n) => n !== small).map((n) => n.textContent ?? "").join("").replace(/\s+/g, " ").trim() : "";
  return { src, alt: img.getAttribute("alt") ?? "", width: img.getAttribute("width"), height: img.getAttribute("height"), caption, credit };
}

const FIELDS: [keyof FigureAttrs, string, string][] = [
  ["caption", "사진 설명", "사진 아래에 보이는 설명"],
  ["credit", "사진 출처", "예: 사진=해란강뉴스"],
  ["alt", "대체 글", "사진을 못 보는 독자에게 읽어 줄 글"],
];

export const Figure = Node.create({
  name: "figure",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return { src: { default: "" }, alt: { default: "" }, width: { default: null }, height: { default: null }, caption: { default: "" }, credit: { default: "" } };
  },

  parseHTML() {
    return [
      { tag: "figure", getAttrs: (dom) => readFigure(dom as HTMLElement) },
      // A photo outside a figure (older bodies, pastes of our own photos) becomes one.
      { tag: "img[src]", getAttrs: (dom) => readFigure(dom as HTMLElement) },
    ];
  },

  renderHTML({ node }) {
    const a = node.attrs as FigureAttrs;
    const img = ["img", mergeAttributes({ src: a.src, alt: a.alt }, a.width ? { width: a.width } : {}, a.height ? { height: a.height } : {})];
    const cap = a.caption || a.credit ? [["figcaption", {}, ...(a.caption ? [a.caption] : []), ...(a.credit ? [["small", {}, a.credit]] : [])]] : [];
    return ["figure", {}, img, ...cap] as never;
  },

  addNodeView() {
    return ({ node: initial, getPos, editor }) => {
      let node = initial;
      const dom = document.createElement("figure");
      dom.className = "rte-figure";
      dom.contentEditable = "false";
      const img = document.createElement("img");
      img.draggable = false;
      const form = document.createElement("div");
      form.className = "rte-figure-fields";
      const inputs = new Map<keyof FigureAttrs, HTMLInputElement>();
      for (const [key, label, placeholder] of FIELDS) {
        const l = document.createElement("label");
        const span = document.createElement("span");
        span.textContent = label;
        const input = document.createElement("input");
        input.type = "text";
        input.placeholder = placeholder;
        input.maxLength = 300;
        input.dataset.field = key;
        input.addEventListener("input", () => {
          const pos = getPos();
          if (typeof pos !== "number") return;
          editor.view.dispatch(editor.view.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, [key]: input.value }));
        });
        // Enter in a caption field must never submit the article form (it could publish it).
        input.addEventListener("keydown", (e) => {
          if (e.key === "Enter") e.preventDefault();
        });
        l.append(span, input);
        form.append(l);
        inputs.set(key, input);
      }
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "rte-figure-remove";
      remove.textContent = "사진 빼기";
      remove.addEventListener("click", () => {
        const pos = getPos();
        if (typeof pos === "number") editor.chain().focus().deleteRange({ from: pos, to: pos + node.nodeSize }).run();
      });
      form.append(remove);
      dom.append(img, form);
      // Clicking the photo selects it in the editor (and keeps the keyboard there).
      img.addEventListener("mousedown", (e) => {
        e.preventDefault();
        const pos = getPos();
        if (typeof pos !== "number") return;
        editor.view.dispatch(editor.view.state.tr.setSelection(NodeSelection.create(editor.view.state.doc, pos)));
        editor.view.focus();
      });

      const render = () => {
        const a = node.attrs as FigureAttrs;
        img.src = a.src;
        img.alt = a.alt;
        if (a.width) img.width = Number(a.width);
        if (a.height) img.height = Number(a.height);
        for (const [key, input] of inputs) if (document.activeElement !== input) input.value = String(a[key] ?? "");
      };
      render();
      return {
        dom,
        update: (next) => {
          if (next.type !== node.type) return false;
          node = next;
          render();
          return true;
        },
        // The fields are ordinary inputs: ProseMirror leaves their events and DOM alone.
        stopEvent: (e) => e.target instanceof HTMLElement && !!e.target.closest(".rte-figure-fields"),
        ignoreMutation: () => true,
        selectNode: () => dom.classList.add("is-selected"),
        deselectNode: () => dom.classList.remove("is-selected"),
      };
    };
  },
});
