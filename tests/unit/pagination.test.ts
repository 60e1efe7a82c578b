import { describe, expect, it } from "vitest";
import { monthSlice, pageCount, pageSlice, pageWindow, parsePage, type MonthCount } from "@/lib/pagination";

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

describe("monthSlice", () => {
  // Newest month first: 120 months of 8,000 (a million-article archive's density).
  const months: MonthCount[] = Array.from({ length: 120 }, (_, i) => ({ start: new Date(Date.UTC(2026, 11 - i, 1) - 8 * 3_600_000), count: 8000 }));
  const flat = (page: number, list: MonthCount[]) => {
    // Where the page's rows are in the whole list, from the slice: the truth to compare with.
    const s = monthSlice(page, list);
    const rowsAfter = (at: Date | null) => (at === null ? 0 : list.filter((m) => m.start >= at).reduce((n, m) => n + m.count, 0));
    return s.direction === "newest" ? rowsAfter(s.before) + s.offset : rowsAfter(s.from) - s.offset - s.limit;
  };

  it("reads any page within half a month of a month edge", () => {
    for (const page of [1, 2, 400, 401, 47_999, 48_000, 96_000]) {
      const s = monthSlice(page, months);
      expect(flat(page, months)).toBe((page - 1) * 10);
      expect(s.offset).toBeLessThanOrEqual(4000);
      expect(s.limit).toBe(10);
    }
  });

  it("takes a page that straddles a month edge, and a short last page", () => {
    const odd: MonthCount[] = [{ start: new Date("2026-11-30T16:00:00Z"), count: 15 }, { start: new Date("2026-10-31T16:00:00Z"), count: 7 }, { start: new Date("2026-09-30T16:00:00Z"), count: 3 }];
    for (const page of [1, 2, 3]) expect(flat(page, odd)).toBe((page - 1) * 10);
    expect(monthSlice(3, odd)).toMatchObject({ limit: 5 });
    expect(monthSlice(1, odd)).toMatchObject({ direction: "newest", before: null, offset: 0, limit: 10 });
  });
});
