// The article body allowlist (lib/sanitize.ts): what an attacker or a careless paste could
// put in, and what an article needs to keep.
import { describe, expect, it } from "vitest";
import { mediaKeysIn, safeHref, sanitizeBody } from "@/lib/sanitize";
import type { ImageRef } from "@/lib/types";

describe("sanitizeBody", () => {
  it.each([
    ["<script>", `<p>안녕<script>alert(1)</script></p>`, "<p>안녕</p>"],
    ["script in attributes", `<p onclick="x()" onmouseover="y()">글</p>`, "<p>글</p>"],
    ["img onerror", `<img src="/media/a.jpg" onerror="alert(1)">`, `<img src="/media/a.jpg" alt="" loading="lazy" decoding="async" />`],
    ["svg onload", `<svg onload="alert(1)"><circle/></svg><p>뒤</p>`, "<p>뒤</p>"],
    ["iframe and style", `<iframe src="//x"></iframe><style>*{}</style><p style="color:red">글</p>`, "<p>글</p>"],
    ["object/embed", `<object data="x.swf"></object><embed src="x.swf">`, ""],
  ])("removes %s", (_name, dirty, clean) => {
    expect(sanitizeBody(dirty)).toBe(clean);
  });

  it.each([
    "javascript:alert(1)",
    " javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "&#106;avascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "//evil.example/x",
    "/relative/path",
  ])("refuses the link %j but keeps its text", (href) => {
    const out = sanitizeBody(`<p><a href="${href}">글자</a></p>`);
    expect(out).toBe("<p>글자</p>");
  });

  it("keeps http, https and mailto links, with rel=noopener nofollow and no target", () => {
    expect(sanitizeBody(`<a href="https://example.com/a?b=1&c=2" target="_blank" rel="opener">링크</a>`)).toBe(
      `<a href="https://example.com/a?b=1&amp;c=2" rel="noopener nofollow">링크</a>`,
    );
    expect(sanitizeBody(`<a href="mailto:desk@example.com">메일</a>`)).toBe(`<a href="mailto:desk@example.com" rel="noopener nofollow">메일</a>`);
  });

  it("keeps the blocks an article needs and maps the ones browsers produce", () => {
    const html = `<h1>큰</h1><h2>제목</h2><h4>작은</h4><div>문단</div><blockquote>인용</blockquote><ul><li>가</li></ul><ol><li>나</li></ol><p><b>굵게</b> <i>기울임</i><br></p>`;
    expect(sanitizeBody(html)).toBe(
      `<h2>큰</h2><h2>제목</h2><h3>작은</h3><p>문단</p><blockquote>인용</blockquote><ul><li>가</li></ul><ol><li>나</li></ol><p><strong>굵게</strong> <em>기울임</em><br /></p>`,
    );
  });

  it("accepts images only from our own /media/ store", () => {
    expect(sanitizeBody(`<img src="https://evil.example/a.png"><img src="/media/../etc/passwd"><img src="data:image/png;base64,AAAA">`)).toBe("");
  });

  it("gives known images a srcset of their WebP variants, ignoring any srcset in the input", () => {
    const img: ImageRef = {
      id: 1,
      key: "uploads/a.jpg",
      width: 1800,
      height: 1200,
      alt: "",
      variants: [
        { width: 640, height: 427, format: "webp", key: "uploads/a-w640.webp" },
        { width: 320, height: 213, format: "webp", key: "uploads/a-w320.webp" },
        { width: 320, height: 213, format: "avif", key: "uploads/a-w320.avif" },
      ],
    };
    const out = sanitizeBody(`<figure><img src="/media/uploads/a.jpg" srcset="javascript:x 1w" alt="공원"><figcaption>공원</figcaption></figure>`, new Map([[img.key, img]]));
    expect(out).toBe(
      `<figure><img src="/media/uploads/a.jpg" alt="공원" width="1800" height="1200" srcset="/media/uploads/a-w320.webp 320w, /media/uploads/a-w640.webp 640w" sizes="(max-width: 760px) 100vw, 720px" loading="lazy" decoding="async" /><figcaption>공원</figcaption></figure>`,
    );
  });

  it("escapes text instead of letting it become markup", () => {
    expect(sanitizeBody(`<p>&lt;script&gt;alert(1)&lt;/script&gt; a < b</p>`)).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt; a &lt; b</p>");
  });
});

describe("helpers", () => {
  it("safeHref normalises like a browser and allows only http(s)/mailto", () => {
    expect(safeHref("HTTPS://Example.com")).toBe("https://example.com/");
    expect(safeHref("ftp://x")).toBeNull();
    expect(safeHref("")).toBeNull();
  });
  it("mediaKeysIn finds our keys only", () => {
    expect(mediaKeysIn(`<img src="/media/uploads/a.jpg"><img src="/media/../x.jpg"><a href="/media/b/c.png">`)).toEqual(["uploads/a.jpg", "b/c.png"]);
  });
});
