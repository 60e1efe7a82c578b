// GnuBoard stores DATETIME without a zone, in the server's wall clock: Korea (UTC+9) for the
// sites this sample stands for.
export const KST_OFFSET_MINUTES = 9 * 60;

/** The instant a KST wall-clock string `YYYY-MM-DD HH:MM:SS` names. */
export function kstToUtc(datetime: string): Date {
  const ms = Date.parse(`${datetime.replace(" ", "T")}Z`);
  if (Number.isNaN(ms)) throw new Error(`not a GnuBoard datetime: ${datetime}`);
  return new Date(ms - KST_OFFSET_MINUTES * 60_000);
}
