// Checks an e-mail and password, throttling failures per account and per IP in PostgreSQL.
// Used by the sign-in form's action and by next-auth's Credentials provider alike.
import "server-only";
import { findUserForSignIn, recentFailures, recordAttempt } from "../data/admin-auth";
import { hashIp } from "./client-ip";
import { verifyPassword } from "./password";
import { derivedKey } from "./secret";
import type { Actor } from "./roles";

export const THROTTLE = { windowMs: 15 * 60_000, perAccount: 5, perIp: 20 } as const;
export const BAD_CREDENTIALS = "이메일 또는 비밀번호가 올바르지 않습니다.";
export const THROTTLED = "로그인 시도가 너무 많습니다. 15분 뒤에 다시 시도해 주세요.";

export type SignInResult = { ok: true; user: Actor } | { ok: false; message: string; throttled: boolean };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function verifyCredentials(rawEmail: string, password: string, ip: string): Promise<SignInResult> {
  const email = normaliseEmail(rawEmail).slice(0, 320);
  const ipHash = hashIp(ip, await derivedKey("ip-hash"));
  // Counted before bcrypt runs, so a flood of guesses costs a query, not a hash each.
  const f = await recentFailures(email, ipHash, new Date(Date.now() - THROTTLE.windowMs));
  if (f.byEmail >= THROTTLE.perAccount || f.byIp >= THROTTLE.perIp) return { ok: false, message: THROTTLED, throttled: true };

  const user = await findUserForSignIn(email);
  const good = await verifyPassword(password, user?.passwordHash ?? null);
  if (!user || !good || user.disabled) {
    await recordAttempt(email, ipHash, false);
    return { ok: false, message: BAD_CREDENTIALS, throttled: false };
  }
  await recordAttempt(email, ipHash, true);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
