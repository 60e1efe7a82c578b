import { describe, expect, it } from "vitest";
import { formatDateTime, formatListDate, formatMetaDate, isoChina, makeExcerpt, htmlToText } from "@/lib/format";

describe("China time formatting", () => {
  // 2024-10-28 04:04 UTC is 12:04 in Beijing.
  const d = new Date("2024-10-28T04:04:09Z");
  it("formats the meta line date with unpadded month/day and padded time", () => {
    expect(formatMetaDate(d)).toBe("2024년10월28일 12시04분");
    expect(formatMetaDate(new Date("2025-03-04T23:05:00Z"))).toBe("2025년3월5일 07시05분");
  });
  it("rolls the date over at midnight China time, not UTC", () => {
    expect(formatListDate(new Date("2024-12-31T16:00:00Z"))).toBe("2025-01-01");
    expect(formatListDate(new Date("2024-12-31T15:59:59Z"))).toBe("2024-12-31");
  });
  it("formats comment times and ISO 8601 with +08:00", () => {
    expect(formatDateTime(d)).toBe("2024-10-28 12:04");
    expect(isoChina(d)).toBe("2024-10-28T12:04:09+08:00");
  });
  it("does not depend on the server's time zone", () => {
    const before = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      expect(formatMetaDate(d)).toBe("2024년10월28일 12시04분");
    } finally {
      process.env.TZ = before;
    }
  });
  it("accepts ISO strings as cached values carry them", () => {
    expect(formatMetaDate(d.toISOString())).toBe("2024년10월28일 12시04분");
  });
});

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
