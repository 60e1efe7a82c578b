import { describe, expect, it } from "vitest";
import { pageCount, pageSlice, pageWindow, parsePage } from "@/lib/pagination";

describe("parsePage", () => {
  it("reads plain page numbers and defaults to 1", () => {
    expect(parsePage(undefined)).toBe(1);
    expect(parsePage("1")).toBe(1);
    expect(parsePage("437")).toBe(437);
    expect(parsePage(["3", "4"])).toBe(3);
  });
  it("refuses malformed numbers instead of failing later", () => {
    for (const bad of ["abc", "-1", "0", "1e9", "2.5", "", " 2", "99999999", "0x10"]) expect(parsePage(bad)).toBeNull();
  });
});

describe("pageWindow", () => {
  it("centres the window on the current page", () => {
    expect(pageWindow(437, 440)).toEqual([435, 436, 437, 438, 439, 440]);
    expect(pageWindow(100, 440)).toEqual([98, 99, 100, 101, 102, 103]);
  });
  it("clamps at both ends and for short lists", () => {
    expect(pageWindow(1, 440)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pageWindow(440, 440)).toEqual([435, 436, 437, 438, 439, 440]);
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 1)).toEqual([1]);
  });
});

describe("pageSlice", () => {
  it("reads early pages from the newest end", () => {
    expect(pageSlice(2, 100_000)).toEqual({ direction: "newest", offset: 10, limit: 10 });
  });
  it("reads late pages from the oldest end with a small offset", () => {
    // 100,003 rows: the last page holds the 3 oldest.
    expect(pageCount(100_003)).toBe(10_001);
    expect(pageSlice(10_001, 100_003)).toEqual({ direction: "oldest", offset: 0, limit: 3 });
    expect(pageSlice(10_000, 100_003)).toEqual({ direction: "oldest", offset: 3, limit: 10 });
  });
  it("covers every row exactly once across all pages", () => {
    const total = 57;
    const seen: number[] = [];
    for (let p = 1; p <= pageCount(total); p++) {
      const s = pageSlice(p, total);
      for (let i = 0; i < s.limit; i++) seen.push(s.direction === "newest" ? s.offset + i : total - 1 - (s.offset + s.limit - 1 - i));
    }
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => i));
  });
});
