// GnuBoard stores wr_datetime as the server's local wall time with no zone (G5_TIME_YMDHIS is
// PHP's date() under the site's timezone, Asia/Seoul by default, Asia/Shanghai on Chinese
// hosts). The importer reads it as a string (never through the driver's own time zone) and
// converts it here with the zone the operator names (--source-tz).

const WALL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

const formats = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/** The zone's offset from UTC in minutes at instant `ms`. Formatters are costly to make (a
 *  million posts made them the import's hottest line) and offsets change only on the hour, so
 *  both are kept. */
function offsetMinutes(ms: number, zone: string): number {
  const hourKey = `${zone} ${Math.floor(ms / 3_600_000)}`;
  const known = offsets.get(hourKey);
  if (known !== undefined) return known;
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formats.set(zone, f);
  }
  const parts = f.formatToParts(new Date(ms));
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  const minutes = Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
  if (offsets.size > 100_000) offsets.clear();
  offsets.set(hourKey, minutes);
  return minutes;
}

/** Throws on a zone name Intl does not know, so a typo in --source-tz stops the run before it starts. */
export function checkZone(zone: string): string {
  new Intl.DateTimeFormat("en-US", { timeZone: zone });
  return zone;
}

/**
 * "2023-05-01 09:30:00" in `zone` as a UTC Date; null for GnuBoard's empty dates
 * ("0000-00-00 00:00:00") and anything that is not a real calendar time.
 */
export function wallTimeToUtc(wall: string | null | undefined, zone: string): Date | null {
  const m = WALL.exec((wall ?? "").trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(asUtc).getUTCDate() !== d) return null; // 2023-02-30
  // Two steps settle the offset also next to a daylight-saving change (Seoul 1987-88, China 1986-91).
  let t = asUtc - offsetMinutes(asUtc, zone) * 60_000;
  t = asUtc - offsetMinutes(t, zone) * 60_000;
  return new Date(t);
}
