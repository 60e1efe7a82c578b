// Fixed windows by moving the clock: where a window starts, when it ends, and the China-time
// day the 조회 count uses.
import { describe, expect, it } from "vitest";
import { secondsLeft, windowStart } from "@/lib/limits/window";

const t = (iso: string) => new Date(iso);

describe("windowStart", () => {
  it("puts every instant of a window on the same start, and the next instant on the next", () => {
    const start = t("2026-12-02T10:00:00.000Z");
    for (const iso of ["2026-12-02T10:00:00.000Z", "2026-12-02T10:04:59.999Z", "2026-12-02T10:09:59.999Z"]) {
      expect(windowStart(t(iso), 600)).toEqual(start);
    }
    expect(windowStart(t("2026-12-02T10:10:00.000Z"), 600)).toEqual(t("2026-12-02T10:10:00.000Z"));
  });

  it("counts a minute window from the full minute", () => {
    expect(windowStart(t("2026-12-02T10:07:31.250Z"), 60)).toEqual(t("2026-12-02T10:07:00.000Z"));
  });

  it("works before 1970 too (floor, not truncation)", () => {
    expect(windowStart(t("1969-12-31T23:59:30.000Z"), 60)).toEqual(t("1969-12-31T23:59:00.000Z"));
  });
});

describe("secondsLeft", () => {
  it("is the time to the end of the window, rounded up, never 0", () => {
    expect(secondsLeft(t("2026-12-02T10:00:00.000Z"), 60)).toBe(60);
    expect(secondsLeft(t("2026-12-02T10:00:59.001Z"), 60)).toBe(1);
    expect(secondsLeft(t("2026-12-02T10:00:30.500Z"), 60)).toBe(30);
    expect(secondsLeft(t("2026-12-02T15:00:00.000Z"), 86_400)).toBe(9 * 3600);
  });
});
