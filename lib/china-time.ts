// China time (UTC+8, no daylight saving since 1991): the only clock readers, editors and
// crawlers of the portal see, whatever the zone of the server or the browser. Everything that
// turns an instant into a China date or back lives here, including the SQL expression, so the
// offset is written exactly once. Pure: callers pass the instant, tests pass a fixed one.

const OFFSET_HOURS = 8;
const OFFSET_MS = OFFSET_HOURS * 3_600_000;
const DAY_MS = 86_400_000;

/** A timestamp column shifted to China wall-clock time, for `date_trunc`/`to_char` in SQL. */
export const CHINA_SQL_INTERVAL = `interval '${OFFSET_HOURS} hours'`;

export type DateLike = Date | string | number;
const toMs = (d: DateLike) => (d instanceof Date ? d.getTime() : new Date(d).getTime());
const pad = (n: number) => String(n).padStart(2, "0");

export type ChinaParts = { y: number; m: number; d: number; h: number; min: number; s: number; weekday: number };

/** The wall-clock fields of an instant in China (month 1-12, weekday 0 = Sunday). */
export function chinaParts(date: DateLike): ChinaParts {
  const t = new Date(toMs(date) + OFFSET_MS);
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    min: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
    weekday: t.getUTCDay(),
  };
}

/** The instant at which China's clocks show the given wall-clock time (month 1-12). */
export function chinaInstant(y: number, m: number, d = 1, h = 0, min = 0, s = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, h, min, s) - OFFSET_MS);
}

/** The year in China now: the end of the footer's copyright line. */
export function chinaYear(now: DateLike): number {
  return chinaParts(now).y;
}

/** Midnight China time of the day holding `now`: a 조회 counts once per such day. */
export function chinaDayStart(now: DateLike): Date {
  return new Date(Math.floor((toMs(now) + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS);
}

/** The UTC instants bounding a calendar month (`2024-12`) in China time: [start, end). */
export function chinaMonthRange(month: string): { start: Date; end: Date } {
  const [y, m] = month.split("-").map(Number);
  return { start: chinaInstant(y, m), end: chinaInstant(y, m + 1) };
}

/** `2024년10월28일 12시04분`: the article meta line, month and day unpadded, 24-hour clock padded. */
export function formatMetaDate(date: DateLike): string {
  const p = chinaParts(date);
  return `${p.y}년${p.m}월${p.d}일 ${pad(p.h)}시${pad(p.min)}분`;
}

/** `2024-10-28` for list items. */
export function formatListDate(date: DateLike): string {
  const p = chinaParts(date);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** `2024-10-28 12:04` for comments and the newsroom. */
export function formatDateTime(date: DateLike): string {
  const p = chinaParts(date);
  return `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.h)}:${pad(p.min)}`;
}

/** ISO 8601 with the +08:00 offset, for structured data, sitemaps and <time dateTime>. */
export function isoChina(date: DateLike): string {
  const p = chinaParts(date);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.min)}:${pad(p.s)}+${pad(OFFSET_HOURS)}:00`;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** RFC 822 date-time in China time for RSS: `Tue, 28 Oct 2024 12:04:00 +0800`. */
export function rfc822China(date: DateLike): string {
  const p = chinaParts(date);
  return `${DAYS[p.weekday]}, ${pad(p.d)} ${MONTHS[p.m - 1]} ${p.y} ${pad(p.h)}:${pad(p.min)}:${pad(p.s)} +${pad(OFFSET_HOURS)}00`;
}

/** `2026-11-28T09:30` (datetime-local, seconds optional) read as China time; null when malformed. */
export function parseChinaDateTime(v: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  if (h > 23 || mi > 59 || s > 59) return null;
  const t = chinaInstant(y, mo, d, h, mi, s);
  // Refuse dates that roll over (2월30일) rather than silently moving them.
  const check = chinaParts(t);
  if (check.m !== mo || check.d !== d) return null;
  return t;
}

/** An instant as the value of a datetime-local input (`2026-11-28T09:30`), in China time. */
export function toChinaInput(d: DateLike | null | undefined): string {
  if (d === null || d === undefined || d === "") return "";
  const p = chinaParts(d);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.min)}`;
}
