import { describe, expect, it } from "vitest";
import { makeExcerpt, htmlToText } from "@/lib/format";

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
});
