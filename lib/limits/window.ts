// Fixed-window arithmetic, pure so that tests move the clock instead of waiting.

/**
 * Start of the window of `seconds` that holds `now`, aligned to the Unix epoch. (Days in China
 * time are lib/china-time.ts#chinaDayStart.)
 */
export function windowStart(now: Date, seconds: number): Date {
  const size = seconds * 1000;
  return new Date(Math.floor(now.getTime() / size) * size);
}

/** Whole seconds until the window holding `now` ends (at least 1): the Retry-After value. */
export function secondsLeft(now: Date, seconds: number): number {
  const end = windowStart(now, seconds).getTime() + seconds * 1000;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}
