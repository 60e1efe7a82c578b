import { describe, expect, it } from "vitest";
import { makeExcerpt, htmlToText, htmlToTextSpaced } from "@/lib/format";

describe("excerpts", () => {
  it("keeps short text whole", () => {
    expect(makeExcerpt("짧은 글입니다.")).toBe("짧은 글입니다.");
  });
  it("cuts long text at a word boundary near 150 characters and ends in ...", () => {
    const text = "연길시 로인협회는 올해 련속 세번째로 겨울철 건강강좌를 열었다. ".repeat(10);
    const e = makeExcerpt(text);
    expect(e.endsWith("...")).toBe(true);
    expect(e.length).toBeLessThanOrEqual(153);
    expect(e.length).toBeGreaterThan(100);
    expect(text.startsWith(e.slice(0, -3))).toBe(true);
  });
  it("turns body HTML into plain text without captions or markup", () => {
    expect(htmlToText('<p>첫 문단 &amp; 둘째</p><figure><img src="/x.jpg" alt=""><figcaption>사진설명</figcaption></figure><p>끝</p>')).toBe("첫 문단 & 둘째 끝");
  });
  it("keeps a Korean word whole where an inline tag was (no space before its particle)", () => {
    const html = '<p>자세한 내용은 <a href="https://example.com/">홈페이지</a>에서, <strong>신청</strong>은 <em>주민센터</em>로 하면 된다.</p>';
    expect(htmlToText(html)).toBe("자세한 내용은 홈페이지에서, 신청은 주민센터로 하면 된다.");
    expect(makeExcerpt(htmlToText(html))).toContain("홈페이지에서");
    // The earlier rule, kept only to recognise excerpts it generated.
    expect(htmlToTextSpaced(html)).toContain("홈페이지 에서");
  });
  it("ends a word at every block: paragraphs, headings, list items, line breaks, table cells", () => {
    expect(htmlToText("<h2>소제목</h2><p>첫 줄<br>둘째 줄</p><ul><li>하나</li><li>둘</li></ul><table><tr><td>칸1</td><td>칸2</td></tr></table>")).toBe(
      "소제목 첫 줄 둘째 줄 하나 둘 칸1 칸2",
    );
  });
  it("decodes numeric and named character references once, and drops comments", () => {
    expect(htmlToText("<p>&#54620;&#xAE00; &amp;lt;b&amp;gt; &apos;인용&apos;<!-- 메모 --></p>")).toBe("한글 &lt;b&gt; '인용'");
    expect(htmlToText("<p>&#xD800;&bogus;</p>")).toBe("&#xD800;&bogus;");
  });
});
