// The arithmetic of the comment limits, as pure functions of the stored state and "now", so
// that tests can move the clock instead of waiting.
import { CAPTCHA_MAX_ATTEMPTS, FAILURE_LIMIT, FAILURE_WINDOW_SECONDS } from "./config";

/** Seconds the client still has to wait before its next comment (0 = it may post now). */
export function secondsUntilNextPost(lastPostAt: Date | null, now: Date, intervalSeconds: number): number {
  if (!lastPostAt || intervalSeconds <= 0) return 0;
  const wait = lastPostAt.getTime() + intervalSeconds * 1000 - now.getTime();
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}

export type FailureState = { failures: number; failuresSince: Date | null };

/** Wrong captcha answers count in a fixed window that starts at the first one. */
export function windowOpen(s: FailureState, now: Date, windowSeconds = FAILURE_WINDOW_SECONDS): boolean {
  return s.failuresSince !== null && now.getTime() - s.failuresSince.getTime() < windowSeconds * 1000;
}

/** Seconds until a client that guessed too often may try again (0 = not blocked). */
export function failureBlockSeconds(s: FailureState, now: Date, limit = FAILURE_LIMIT, windowSeconds = FAILURE_WINDOW_SECONDS): number {
  if (!windowOpen(s, now, windowSeconds) || s.failures < limit) return 0;
  return Math.ceil((s.failuresSince!.getTime() + windowSeconds * 1000 - now.getTime()) / 1000);
}

/** The state after one more wrong answer: a new window when the old one has closed. */
export function addFailure(s: FailureState, now: Date, windowSeconds = FAILURE_WINDOW_SECONDS): FailureState {
  return windowOpen(s, now, windowSeconds) ? { failures: s.failures + 1, failuresSince: s.failuresSince } : { failures: 1, failuresSince: now };
}

export type ChallengeState = { answer: string; attempts: number; expiresAt: Date; usedAt: Date | null };
export type ChallengeVerdict = "ok" | "wrong" | "missing" | "used" | "expired" | "exhausted";

/** Whether a challenge may still be answered, and whether `given` answers it. */
export function judgeChallenge(c: ChallengeState | null, given: string, now: Date, maxAttempts = CAPTCHA_MAX_ATTEMPTS): ChallengeVerdict {
  if (!c) return "missing";
  if (c.usedAt) return "used";
  if (now.getTime() >= c.expiresAt.getTime()) return "expired";
  if (c.attempts >= maxAttempts) return "exhausted";
  return given === c.answer ? "ok" : "wrong";
}

const LINK = /\b(?:https?:\/\/|www\.)/gi;

/** Links in a comment: every http://, https:// or www. start counts. */
export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

/** Two texts count as "the same" when they differ only in spacing and letter case. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();
  return norm(a) === norm(b);
}
