// China time (UTC+8) as readers, editors and crawlers see it. Every instant is fixed and
// every expectation is written out as China's clocks show it, so a wrong offset anywhere in
// lib/china-time.ts shows up here as a wrong day or hour.
import { describe, expect, it } from "vitest";
import {
  chinaDayStart,
  chinaMonthRange,
  chinaYear,
  formatDateTime,
  formatListDate,
  formatMetaDate,
  isoChina,
  parseChinaDateTime,
  rfc822China,
  toChinaInput,
} from "@/lib/china-time";

describe("formatting", () => {
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
  it("formats comment times, ISO 8601 with +08:00 and RSS dates", () => {
    expect(formatDateTime(d)).toBe("2024-10-28 12:04");
    expect(isoChina(d)).toBe("2024-10-28T12:04:09+08:00");
    expect(rfc822China(d)).toBe("Mon, 28 Oct 2024 12:04:09 +0800");
    expect(rfc822China("2024-12-31T20:00:00Z")).toBe("Wed, 01 Jan 2025 04:00:00 +0800");
  });
  it("does not depend on the server's time zone", () => {
    const before = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      expect(formatMetaDate(d)).toBe("2024년10월28일 12시04분");
      expect(parseChinaDateTime("2024-10-28T12:04")?.toISOString()).toBe("2024-10-28T04:04:00.000Z");
    } finally {
      process.env.TZ = before;
    }
  });
  it("accepts ISO strings and numbers as cached values carry them", () => {
    expect(formatMetaDate(d.toISOString())).toBe("2024년10월28일 12시04분");
    expect(formatListDate(d.getTime())).toBe("2024-10-28");
  });
});

describe("the admin form's datetime-local", () => {
  it("reads the editor's input as China time, with or without seconds", () => {
    expect(parseChinaDateTime("2026-11-28T09:30")?.toISOString()).toBe("2026-11-28T01:30:00.000Z");
    expect(parseChinaDateTime(" 2026-11-28T07:30:15 ")?.toISOString()).toBe("2026-11-27T23:30:15.000Z");
    expect(parseChinaDateTime("2027-01-01T00:00")?.toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });
  it("refuses malformed and rolled-over dates instead of moving them", () => {
    for (const bad of ["", "2026-11-28", "2026-11-28 09:30", "2026-02-30T10:00", "2026-13-01T10:00", "2026-11-28T24:00", "2026-11-28T10:60", "2026-11-28T10:00:60", "28.11.2026 09:30"]) {
      expect(parseChinaDateTime(bad), bad).toBeNull();
    }
  });
  it("shows a stored instant in China time and reads it back unchanged", () => {
    expect(toChinaInput(new Date("2026-11-27T23:30:00Z"))).toBe("2026-11-28T07:30");
    expect(toChinaInput("2026-12-31T16:00:00.000Z")).toBe("2027-01-01T00:00");
    expect(toChinaInput(null)).toBe("");
    expect(toChinaInput(undefined)).toBe("");
    const at = new Date("2026-06-15T18:45:00Z");
    expect(parseChinaDateTime(toChinaInput(at))?.getTime()).toBe(at.getTime());
  });
});

describe("days, months and years", () => {
  it("starts a China day at 16:00 UTC of the day before", () => {
    expect(chinaDayStart(new Date("2026-12-02T15:59:59.999Z")).toISOString()).toBe("2026-12-01T16:00:00.000Z");
    expect(chinaDayStart(new Date("2026-12-02T16:00:00.000Z")).toISOString()).toBe("2026-12-02T16:00:00.000Z");
    expect(chinaDayStart(new Date("2026-12-02T03:00:00.000Z")).toISOString()).toBe("2026-12-01T16:00:00.000Z");
  });
  it("bounds a month in China time, across the turn of the year", () => {
    const dec = chinaMonthRange("2024-12");
    expect(dec.start.toISOString()).toBe("2024-11-30T16:00:00.000Z");
    expect(dec.end.toISOString()).toBe("2024-12-31T16:00:00.000Z");
    expect(chinaMonthRange("2024-02").end.toISOString()).toBe("2024-02-29T16:00:00.000Z");
  });
  it("gives the footer's year as China's calendar shows it on New Year's Eve", () => {
    expect(chinaYear(new Date("2026-12-31T15:59:59Z"))).toBe(2026);
    expect(chinaYear(new Date("2026-12-31T16:00:00Z"))).toBe(2027);
  });
});
