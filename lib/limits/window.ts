// Fixed-window arithmetic, pure so that tests move the clock instead of waiting.

/**
 * Start of the window of `seconds` that holds `now`. Windows are aligned to the Unix epoch
 * shifted by `offsetSeconds` east of UTC: 86,400 with an offset of 8 hours is the China-time day.
 */
export function windowStart(now: Date, seconds: number, offsetSeconds = 0): Date {
  const size = seconds * 1000;
  const shift = offsetSeconds * 1000;
  return new Date(Math.floor((now.getTime() + shift) / size) * size - shift);
}

/** Whole seconds until the window holding `now` ends (at least 1): the Retry-After value. */
export function secondsLeft(now: Date, seconds: number, offsetSeconds = 0): number {
  const end = windowStart(now, seconds, offsetSeconds).getTime() + seconds * 1000;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}
