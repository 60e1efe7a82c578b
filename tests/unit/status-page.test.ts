// The plain-HTML 404 and 410 pages (lib/seo/status-page.ts), parsed with htmlparser2: a title
// from the database never becomes markup, every section is in the menu and an empty database
// still gets the whole frame. And the ICO writer behind /favicon.ico (lib/seo/icons.ts).
import { describe, expect, it, vi } from "vitest";
import { parseDocument } from "htmlparser2";
import { isTag, type Document, type Element } from "domhandler";
import { statusDocument } from "@/lib/seo/status-page";
import { icoOf, logoPng } from "@/lib/seo/icons";
import { LATEST_HEADING, STATUS_TEXT } from "@/lib/site/status-text";
import { site } from "@/lib/site/config";
import type { ArticleListItem, Section } from "@/lib/types";

// The module's data half builds the Prisma client when imported (lib/db.ts); statusDocument
// itself is pure, so the client gets an address it never connects to.
vi.hoisted(() => {
  process.env.DATABASE_URL ||= "postgresql://127.0.0.1:1/none";
});

const section = (id: number, slug: string, name: string): Section => ({ id, slug, name, position: id, parentId: null, legacyBoard: null });
const article = (id: number, title: string): ArticleListItem => ({
  id,
  title,
  excerpt: "",
  publishedAt: "2024-10-28T04:04:00.000Z",
  section: { id: 1, slug: "yanbian", name: "연변" },
  cover: null,
});

const SECTIONS = [section(1, "yanbian", "연변"), section(2, "china", "국내"), section(3, "people", "인물"), section(4, "photo", "포토")];
const HOSTILE = `<script>alert("x")</script> "따옴표" & 'quote' <img src=x onerror=alert(1)>`;

function all(node: Document | Element, test: (e: Element) => boolean, out: Element[] = []): Element[] {
  for (const c of node.children) {
    if (!isTag(c)) continue;
    if (test(c)) out.push(c);
    all(c, test, out);
  }
  return out;
}
const text = (n: Element | Document): string => n.children.map((c) => (isTag(c) ? text(c) : "data" in c ? String(c.data) : "")).join("");
const byTag = (doc: Document, name: string) => all(doc, (e) => e.name === name);
const byClass = (doc: Document | Element, cls: string) => all(doc, (e) => (e.attribs.class ?? "").split(/\s+/).includes(cls));

describe("statusDocument", () => {
  it("shows a title with <script> and quotes as text, never as markup", () => {
    const html = statusDocument("missing", { sections: [section(9, "x", `<b>"섹션"</b>`)], latest: [article(42, HOSTILE)] }, 2025);
    const doc = parseDocument(html);
    expect(byTag(doc, "script"), "no script element").toEqual([]);
    expect(all(doc, (e) => Object.keys(e.attribs).some((k) => k.startsWith("on"))), "no event handler attribute").toEqual([]);
    expect(byTag(doc, "img")).toEqual([]);
    expect(byTag(doc, "b")).toEqual([]);
    const link = byTag(doc, "a").find((a) => a.attribs.href === "/articles/42");
    expect(link, "the article's link").toBeDefined();
    expect(text(link!)).toBe(HOSTILE);
    const menuLink = byTag(doc, "a").find((a) => a.attribs.href === "/categories/x");
    expect(text(menuLink!)).toBe(`<b>"섹션"</b>`);
  });

  it("has the header with its search box, every section in the menu, the message, the newest articles and the footer", () => {
    const latest = [article(7, "첫 기사"), article(6, "둘째 기사"), article(5, "셋째 기사")];
    const doc = parseDocument(statusDocument("gone", { sections: SECTIONS, latest }, 2025));
    expect(byTag(doc, "html")[0].attribs.lang).toBe("ko");
    const header = byClass(doc, "site-header")[0];
    expect(header.name).toBe("header");
    expect(all(header, (e) => e.name === "a" && e.attribs.href === "/").length, "logo links home").toBeGreaterThan(0);
    const nav = byClass(doc, "section-nav")[0];
    expect(nav.name).toBe("nav");
    const menu = all(nav, (e) => e.name === "a").map((a) => [a.attribs.href, text(a)]);
    expect(menu).toEqual([["/", "홈"], ...SECTIONS.map((s) => [`/categories/${s.slug}`, s.name]), ["/archive", "전체기사"]]);

    const h1 = byTag(doc, "h1");
    expect(h1.map(text)).toEqual([STATUS_TEXT.gone.title]);
    expect(text(byClass(doc, "status-message")[0])).toBe(STATUS_TEXT.gone.message);
    // The header's search box (the page may repeat it further down).
    const searches = all(doc, (e) => e.name === "form" && e.attribs.role === "search");
    expect(all(header, (e) => e.name === "form" && e.attribs.role === "search")).toHaveLength(1);
    for (const f of searches) {
      expect(f.attribs.action).toBe("/search");
      expect(f.attribs.method).toBe("get");
      const input = all(f, (e) => e.name === "input")[0];
      expect(input.attribs.name).toBe("q");
      // Its label points at it: the two boxes need ids of their own.
      expect(all(f, (e) => e.name === "label")[0].attribs.for).toBe(input.attribs.id);
    }
    expect(new Set(searches.map((f) => all(f, (e) => e.name === "input")[0].attribs.id)).size, "each box its own id").toBe(searches.length);

    const box = byClass(doc, "status-latest")[0];
    expect(box.name).toBe("section");
    expect(text(all(box, (e) => e.name === "h2")[0])).toBe(LATEST_HEADING);
    expect(all(box, (e) => e.name === "a").map((a) => [a.attribs.href, text(a)])).toEqual(latest.map((a) => [`/articles/${a.id}`, a.title]));

    const footer = byClass(doc, "site-footer")[0];
    expect(footer.name).toBe("footer");
    expect(text(footer)).toContain(site.operator);
    expect(text(footer)).toContain(`2025 ${site.name}`);
    // The footer's menu lists the sections it names (people, photo) and not the others.
    const footerLinks = all(footer, (e) => e.name === "a").map((a) => a.attribs.href);
    expect(footerLinks).toContain("/categories/people");
    expect(footerLinks).not.toContain("/categories/yanbian");
  });

  it("still renders the whole frame with no sections and no articles (a database that did not answer)", () => {
    const html = statusDocument("missing", { sections: [], latest: [] }, 2025);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    const doc = parseDocument(html);
    expect(byTag(doc, "h1").map(text)).toEqual([STATUS_TEXT.missing.title]);
    expect(byTag(doc, "title").map(text)[0]).toContain(STATUS_TEXT.missing.title);
    expect(byClass(doc, "site-header")).toHaveLength(1);
    expect(all(byClass(doc, "section-nav")[0], (e) => e.name === "a").map((a) => a.attribs.href)).toEqual(["/", "/archive"]);
    expect(all(byClass(doc, "site-header")[0], (e) => e.name === "form" && e.attribs.role === "search")).toHaveLength(1);
    // No empty "최신기사" box with nothing under it.
    expect(byClass(doc, "status-latest")).toEqual([]);
    expect(all(doc, (e) => e.name === "ul" && e.children.filter(isTag).length === 0)).toEqual([]);
    expect(byClass(doc, "site-footer")).toHaveLength(1);
    expect(byTag(doc, "main")).toHaveLength(1);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("icoOf", () => {
  it("writes an ICO directory whose entries give each image's size and point at its PNG", async () => {
    const sizes = [16, 32, 48, 256];
    const pngs = await Promise.all(sizes.map((s) => logoPng(s)));
    const ico = icoOf(sizes.map((size, i) => ({ size, png: pngs[i] })));
    expect(ico.readUInt16LE(0), "reserved").toBe(0);
    expect(ico.readUInt16LE(2), "type: icon").toBe(1);
    expect(ico.readUInt16LE(4), "image count").toBe(sizes.length);
    let end = 6 + 16 * sizes.length;
    for (const [i, size] of sizes.entries()) {
      const e = 6 + 16 * i;
      // 0 stands for 256 in the one-byte width and height.
      expect(ico.readUInt8(e), `width of ${size}`).toBe(size % 256);
      expect(ico.readUInt8(e + 1), `height of ${size}`).toBe(size % 256);
      expect(ico.readUInt16LE(e + 4), "planes").toBe(1);
      expect(ico.readUInt16LE(e + 6), "bits per pixel").toBe(32);
      const length = ico.readUInt32LE(e + 8);
      const offset = ico.readUInt32LE(e + 12);
      expect(length).toBe(pngs[i].length);
      expect(offset, "images follow each other without gaps").toBe(end);
      const png = ico.subarray(offset, offset + length);
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE), `PNG signature at entry ${i}'s offset`).toBe(true);
      // IHDR: the PNG really is that size.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      end = offset + length;
    }
    expect(end, "nothing after the last image").toBe(ico.length);
  });

  it("writes a valid empty directory for no images", () => {
    const ico = icoOf([]);
    expect([...ico]).toEqual([0, 0, 1, 0, 0, 0]);
  });
});
