// A GnuBoard post body as an article body: the sanitiser's allowlist, the old site's images
// and links rewritten, plain-text posts as paragraphs.
import { describe, expect, it } from "vitest";
import { convertBody, imagePathsIn, textToHtml, type BodyContext } from "@/lib/import/gnuboard/body";
import { parseBoard, parseFileNo, parseSeoTitle } from "@/lib/import/gnuboard/old-urls";
import { sectionFor } from "@/lib/import/gnuboard/mapping";

const SITE = "https://news.example";
const photo = { id: 7, key: "uploads/2026/12/abc.jpg", width: 640, height: 480, alt: "", variants: [{ width: 320, height: 240, format: "webp", key: "uploads/2026/12/abc-w320.webp" }] };
const ctx: BodyContext = {
  oldOrigin: "http://www.old-portal.example",
  oldHosts: new Set(["old-portal.example", "www.old-portal.example"]),
  image: (p) => (p === "data/editor/2301/a.jpg" ? photo : undefined),
  post: (board, wrId) => (board === "free" ? `${SITE}/bbs/board.php?bo_table=${board}&wr_id=${wrId}` : null),
};

describe("convertBody", () => {
  it("points the old site's images at the imported copies, relative or absolute", () => {
    for (const src of ["/data/editor/2301/a.jpg", "http://old-portal.example/data/editor/2301/a.jpg", "../data/editor/2301/a.jpg"]) {
      const html = convertBody(`<p><img src="${src}" style="width:480px"></p>`, "html1", ctx, SITE);
      expect(html).toContain(`src="/media/${photo.key}"`);
      expect(html).toContain("srcset=");
      expect(html).not.toContain("style");
    }
  });
  it("drops images that could not be imported and those of other sites", () => {
    const html = convertBody(`<p>글<img src="/data/editor/2301/missing.jpg"><img src="http://ads.example/x.gif"></p>`, "html1", ctx, SITE);
    expect(html).toBe("<p>글</p>");
  });
  it("rewrites links to old posts of imported boards and keeps others", () => {
    const html = convertBody(
      `<p><a href="/bbs/board.php?bo_table=free&amp;wr_id=3">긴 주소</a> <a href="http://www.old-portal.example/free/4">짧은 주소</a> <a href="/bbs/board.php?bo_table=gone&wr_id=5">딴 게시판</a> <a href="https://example.org/">밖</a></p>`,
      "html1", ctx, SITE,
    );
    expect(html).toContain(`href="${SITE}/bbs/board.php?bo_table=free&amp;wr_id=3"`);
    expect(html).toContain(`href="${SITE}/bbs/board.php?bo_table=free&amp;wr_id=4"`);
    expect(html).toContain(`href="http://www.old-portal.example/bbs/board.php?bo_table=gone&amp;wr_id=5"`);
    expect(html).toContain(`href="https://example.org/"`);
  });
  it("removes scripts, handlers and javascript: links like the editors' sanitiser", () => {
    const html = convertBody(`<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">b</a><iframe src="http://x"></iframe>`, "html1", ctx, SITE);
    expect(html).toBe("<p>ab</p>");
  });
  it("puts attached images above the text", () => {
    const html = convertBody("<p>본문</p>", "html1", { ...ctx, attachments: [photo] }, SITE);
    expect(html.indexOf("<figure>")).toBe(0);
    expect(html).toContain("<p>본문</p>");
  });
  it("keeps line breaks of html2 posts and escapes plain-text posts", () => {
    expect(convertBody("첫 줄\n둘째 줄", "html2", ctx, SITE)).toBe("<p>첫 줄<br />둘째 줄</p>");
    expect(convertBody("3 < 5 & <b>굵게</b>\n\n다음 문단", "", ctx, SITE)).toBe("<p>3 &lt; 5 &amp; &lt;b&gt;굵게&lt;/b&gt;</p><p>다음 문단</p>");
  });
});

describe("helpers", () => {
  it("lists the data/ images a body shows, and nothing outside data/", () => {
    expect(imagePathsIn(`<img src="/data/editor/2301/a.jpg"><IMG SRC='http://old-portal.example/data/file/free/b.png'><img src="/etc/passwd"><img src="/data/../x.jpg">`, ctx)).toEqual([
      "data/editor/2301/a.jpg",
      "data/file/free/b.png",
    ]);
  });
  it("splits text into paragraphs", () => {
    expect(textToHtml("a\r\nb\r\n\r\n\r\nc")).toBe("<p>a<br>b</p><p>c</p>");
  });
  it("parses old URL parts without trusting them", () => {
    expect(parseBoard("free")).toBe("free");
    expect(parseBoard("../etc")).toBeNull();
    expect(parseBoard("x".repeat(65))).toBeNull();
    expect(parseFileNo("0")).toBe(0);
    expect(parseFileNo("-1")).toBeNull();
    expect(parseFileNo("99999999999")).toBeNull();
    expect(parseSeoTitle("%ED%95%9C%EA%B8%80-%EC%A0%9C%EB%AA%A9")).toBe("한글-제목");
    expect(parseSeoTitle("%E0%A4%A")).toBeNull();
  });
  it("maps boards to sections, renamed and merged", () => {
    const map = { free: { section: "community", name: "커뮤니티" }, qna: { section: "community" } };
    expect(sectionFor("free", "자유게시판", map)).toEqual({ slug: "community", name: "커뮤니티" });
    expect(sectionFor("qna", "질문", map)).toEqual({ slug: "community", name: "커뮤니티" });
    expect(sectionFor("Old_News", "옛 소식", map)).toEqual({ slug: "old-news", name: "옛 소식" });
  });
});
