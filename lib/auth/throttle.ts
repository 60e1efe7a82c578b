// Sign-in throttle policy. Every attempt is reserved (counted as a failure) before the
// password is checked; a key that reaches its free allowance is refused until a delay that
// doubles with each further failure, up to a cap. Pure numbers: lib/data/login-throttle.ts
// applies them in one SQL statement, the tests read them.
export type ThrottleKind = "account" | "address";

export const THROTTLE = {
  account: { free: 5, baseMs: 60_000, capMs: 30 * 60_000 },
  address: { free: 10, baseMs: 60_000, capMs: 60 * 60_000 },
  /** A key without attempts for this long starts again from zero (and its row is pruned). */
  forgetMs: 24 * 60 * 60_000,
} as const;

/** How long a key is refused after its n-th counted failure (0 while within the allowance). */
export function blockMs(kind: ThrottleKind, failures: number): number {
  const p = THROTTLE[kind];
  return failures < p.free ? 0 : Math.min(p.baseMs * 2 ** (failures - p.free), p.capMs);
}
