// The article body allowlist (lib/sanitize.ts): what an attacker or a careless paste could
// put in, and what an article needs to keep.
import { describe, expect, it } from "vitest";
import { mediaKeysIn, safeHref, sanitizeBody } from "@/lib/sanitize";
import type { ImageRef } from "@/lib/types";

describe("sanitizeBody", () => {
  it.each([
    ["<script>", `<p>안녕<script>alert(1)</script></p>`, "<p>안녕</p>"],
    ["script in attributes", `<p onclick="x()" onmouseover="y()">글</p>`, "<p>글</p>"],
    ["img onerror", `<img src="/media/a.jpg" onerror="alert(1)">`, `<figure><img src="/media/a.jpg" alt="" loading="lazy" decoding="async" /></figure>`],
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
      `<p><a href="https://example.com/a?b=1&amp;c=2" rel="noopener nofollow">링크</a></p>`,
    );
    expect(sanitizeBody(`<p><a href="mailto:desk@example.com">메일</a></p>`)).toBe(`<p><a href="mailto:desk@example.com" rel="noopener nofollow">메일</a></p>`);
  });

  it("keeps the blocks an article needs and maps the ones browsers produce", () => {
    const html = `<h1>큰</h1><h2>제목</h2><h4>작은</h4><div>문단</div><blockquote>인용</blockquote><ul><li>가</li></ul><ol><li>나</li></ol><p><b>굵게</b> <i>기울임</i><br></p>`;
    expect(sanitizeBody(html)).toBe(
      `<h2>큰</h2><h2>제목</h2><h3>작은</h3><p>문단</p><blockquote><p>인용</p></blockquote><ul><li>가</li></ul><ol><li>나</li></ol><p><strong>굵게</strong> <em>기울임</em><br /></p>`,
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

describe("sanitizeBody: the editor's document model", () => {
  it.each([
    ["empty paragraphs", `<p></p><p>글</p><p><br></p><p> &nbsp; </p><p>  </p>`, "<p>글</p>"],
    ["empty quotes and list items", `<blockquote></blockquote><blockquote><p></p></blockquote><ul><li></li><li>가</li><li><p></p></li></ul><ol><li> </li></ol>`, "<ul><li>가</li></ul>"],
    ["a list inside a paragraph", `<p>앞<ul><li>가</li></ul>뒤</p>`, "<p>앞</p><ul><li>가</li></ul><p>뒤</p>"],
    ["an empty caption", `<figure><img src="/media/a.jpg"><figcaption> </figcaption></figure>`, `<figure><img src="/media/a.jpg" alt="" loading="lazy" decoding="async" /></figure>`],
    ["a figure without a photo", `<figure><figcaption>설명만</figcaption></figure><p>글</p>`, "<p>글</p>"],
    ["a photo inside a paragraph", `<p>앞 <img src="/media/a.jpg" alt="사진"> 뒤</p>`, `<p>앞</p><figure><img src="/media/a.jpg" alt="사진" loading="lazy" decoding="async" /></figure><p>뒤</p>`],
    ["text outside any block", `첫 줄<p>둘째</p>셋째 <strong>굵게</strong>`, "<p>첫 줄</p><p>둘째</p><p>셋째 <strong>굵게</strong></p>"],
    ["whitespace between blocks and runs of spaces", `<p>가\n  나</p>\n<h2> 제목 </h2>\n`, "<p>가 나</p><h2>제목</h2>"],
    ["empty bold and links", `<p><strong></strong>글<a href="https://example.com/"></a></p>`, "<p>글</p>"],
    ["headings other than h2/h3 and styling", `<h4 style="color:red">작은</h4><p><u>밑줄</u> <s>취소</s> <code>코드</code></p>`, "<h3>작은</h3><p>밑줄 취소 코드</p>"],
  ])("cleans %s", (_name, dirty, clean) => {
    expect(sanitizeBody(dirty)).toBe(clean);
  });

  it("keeps a figure with caption and a <small> credit, and nothing else in the caption", () => {
    expect(sanitizeBody(`<figure><img src="/media/a.jpg" alt="강가" width="800" height="600"><figcaption><strong>강가의</strong> 아침 <small>사진=해란강뉴스</small><a href="https://x.example/">링크</a></figcaption></figure>`)).toBe(
      `<figure><img src="/media/a.jpg" alt="강가" width="800" height="600" loading="lazy" decoding="async" /><figcaption>강가의 아침 링크<small>사진=해란강뉴스</small></figcaption></figure>`,
    );
    expect(sanitizeBody(`<figure><img src="/media/a.jpg" alt=""><figcaption><small>사진=독자</small></figcaption></figure>`)).toBe(
      `<figure><img src="/media/a.jpg" alt="" loading="lazy" decoding="async" /><figcaption><small>사진=독자</small></figcaption></figure>`,
    );
    expect(sanitizeBody(`<p><small>작게</small></p>`)).toBe("<p>작게</p>");
  });

  it("keeps tables as thead/tbody/tr/th/td with colspan and rowspan only", () => {
    const dirty = `<table border="1" style="width:100%" class="x"><colgroup><col width="50"></colgroup><tbody><tr><th style="x">구분</th><th colspan="2" width="9">인원</th></tr><tr><td rowspan="2" onclick="x()"><p>연길</p></td><td colspan="1">12</td><td><p>가</p><p>나</p></td></tr></tbody><tfoot><tr><td colspan="abc">합계</td></tr></tfoot></table>`;
    expect(sanitizeBody(dirty)).toBe(
      `<table><thead><tr><th>구분</th><th colspan="2">인원</th></tr></thead><tbody><tr><td rowspan="2">연길</td><td>12</td><td><p>가</p><p>나</p></td></tr><tr><td>합계</td></tr></tbody></table>`,
    );
    expect(sanitizeBody(`<table><tr><td></td></tr></table>`)).toBe("<table><tbody><tr><td></td></tr></tbody></table>");
    expect(sanitizeBody(`<table></table><p>뒤</p>`)).toBe("<p>뒤</p>");
  });

  it("is idempotent: its own output comes back unchanged", () => {
    const body = `<h2>제목</h2><p>가 <a href="https://example.com/" rel="noopener nofollow">링크</a><br />둘째 줄</p><blockquote><p>인용</p></blockquote><ul><li>가<ul><li>나</li></ul></li><li><p>문단</p><p>두 문단</p></li></ul><figure><img src="/media/a.jpg" alt="x" width="2" height="1" loading="lazy" decoding="async" /><figcaption>설명<small>사진=우리</small></figcaption></figure><table><thead><tr><th>가</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>`;
    expect(sanitizeBody(body)).toBe(body);
    expect(sanitizeBody(sanitizeBody(body))).toBe(body);
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

describe("sanitizeBody on the seed's bodies", () => {
  it("keeps their structure and is stable on its own output (the editor's round trip rests on this)", async () => {
    const { generateArticle, imageCatalogue } = await import("@/lib/seed/content");
    const images = imageCatalogue();
    const now = new Date("2026-11-28T03:00:00Z");
    for (let i = 0; i < 400; i++) {
      const body = generateArticle(i, { total: 400, now, images }).body;
      const clean = sanitizeBody(body);
      expect(sanitizeBody(clean), `article ${i}`).toBe(clean);
      // Nothing a reader sees is lost: the same paragraphs, figures and quotes.
      for (const tag of ["<p>", "<figure>", "<figcaption>", "<blockquote>", "<h2>"]) expect(clean.split(tag).length, `${tag} in ${i}`).toBe(body.split(tag).length);
      expect(clean).not.toMatch(/<p>\s*<\/p>|<figcaption><\/figcaption>/);
    }
  });
});
