// Checks an e-mail and password, throttling per client address and per account in PostgreSQL
// (lib/auth/throttle.ts). The one check behind the sign-in form's action (lib/actions/sign-in.ts).
import "server-only";
import { findUserForSignIn, upgradePasswordHash } from "../data/accounts";
import { clearAttempts, isKnownAddress, pruneThrottle, refundAttempt, rememberAddress, reserveAttempt } from "../data/login-throttle";
import { addressHash } from "./client-ip";
import { requestClientIp } from "../http/client-ip";
import { GateBusy } from "./hash-gate";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import { derivedKey } from "./secret";
import type { Actor } from "./roles";

export const BAD_CREDENTIALS = "이메일 또는 비밀번호가 올바르지 않습니다.";
export const BUSY_MESSAGE = "로그인 요청이 몰려 있습니다. 잠시 후 다시 시도해 주세요.";
export const throttledMessage = (minutes: number) => `로그인 시도가 너무 많습니다. ${minutes}분 뒤에 다시 시도해 주세요.`;

export type SignInResult =
  | { ok: true; user: Actor; sessionVersion: number }
  | { ok: false; message: string; throttled: boolean; retryAt?: Date };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

const throttled = (retryAt: Date, now: Date): SignInResult => ({
  ok: false,
  message: throttledMessage(Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000))),
  throttled: true,
  retryAt,
});

let lastPrune = 0;
function prune(now: Date) {
  if (Math.abs(now.getTime() - lastPrune) < 10 * 60_000) return;
  lastPrune = now.getTime();
  pruneThrottle(now).catch((e) => console.error("[auth] pruning the sign-in throttle failed", e));
}

/**
 * Reserves the attempt per address, then per account, before any hash is computed. An account
 * under attack is refused to strangers, but not to an address it has signed in from before:
 * a stranger's failures cannot lock the owner out, and the owner is still held by the
 * per-address counter like everyone else.
 */
export async function verifyCredentials(rawEmail: string, password: string, ip: string, now = new Date()): Promise<SignInResult> {
  const email = normaliseEmail(rawEmail).slice(0, 320);
  const secret = await derivedKey("sign-in-address");
  prune(now);
  const address = addressHash(ip, secret);
  const byAddress = await reserveAttempt("address", address, now);
  if (!byAddress.admitted) return throttled(byAddress.retryAt, now);

  const byAccount = await reserveAttempt("account", email, now);
  const user = await findUserForSignIn(email);
  const known = addressHash(ip, secret, `user:${user?.id ?? 0}`);
  if (!byAccount.admitted) {
    // Asked for unknown e-mails too, so that a refusal takes the same time either way.
    const isKnown = await isKnownAddress(user?.id ?? 0, known);
    if (!user || !isKnown) return throttled(byAccount.retryAt, now);
  }

  let good: boolean;
  try {
    good = await verifyPassword(password, user?.passwordHash ?? null);
  } catch (e) {
    if (!(e instanceof GateBusy)) throw e;
    // Refused before any password was checked: the attempt does not count against anyone.
    await Promise.all([refundAttempt("address", address), byAccount.admitted ? refundAttempt("account", email) : null]);
    return { ok: false, message: BUSY_MESSAGE, throttled: true };
  }
  if (!user || !good || user.disabled) return { ok: false, message: BAD_CREDENTIALS, throttled: false };

  await Promise.all([
    refundAttempt("address", address),
    // Only an attempt that was counted clears the account: one let through a block leaves it.
    byAccount.admitted ? clearAttempts("account", email) : null,
    rememberAddress(user.id, known, now),
    // The upgrade waits for the next sign-in when the server is busy hashing.
    needsRehash(user.passwordHash) ? hashPassword(password).then((h) => upgradePasswordHash(user.id, user.passwordHash, h), () => null) : null,
  ]);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role }, sessionVersion: user.sessionVersion };
}

/** verifyCredentials for a request, with the client address taken by the site's one rule. */
export function verifySignIn(headers: { get(name: string): string | null }, email: string, password: string, now = new Date()) {
  return verifyCredentials(email, password, requestClientIp(headers), now);
}
