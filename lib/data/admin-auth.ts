// Reads and writes behind sign-in: accounts with their hash, throttle rows, the session secret.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import type { Actor } from "../auth/roles";

export async function findUserForSignIn(email: string) {
  return db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, disabled: true, passwordHash: true },
  });
}

/** The account behind a session, re-read on every request so that a disabled account or a
 *  changed role takes effect at once (sessions are JWTs and cannot be revoked otherwise). */
export async function findActiveStaff(id: number): Promise<Actor | null> {
  const u = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, disabled: true } });
  return u && !u.disabled ? { id: u.id, email: u.email, name: u.name, role: u.role } : null;
}

export async function recentFailures(email: string, ipHash: string, since: Date) {
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { ipHash, succeeded: false, createdAt: { gte: since } } }),
  ]);
  return { byEmail, byIp };
}

export async function recordAttempt(email: string, ipHash: string, succeeded: boolean) {
  await db.loginAttempt.create({ data: { email, ipHash, succeeded } });
  if (succeeded) {
    // A successful sign-in forgives the account's earlier failures; old rows are pruned here
    // so the table never grows without bound.
    await db.loginAttempt.deleteMany({ where: { OR: [{ email, succeeded: false }, { createdAt: { lt: new Date(Date.now() - 86_400_000) } }] } });
  }
}

/** A value generated once and kept in `settings` (first writer wins across processes). */
export async function settingOrCreate(key: string, make: () => string = () => randomBytes(32).toString("base64url")): Promise<string> {
  const found = await db.setting.findUnique({ where: { key } });
  if (found) return found.value;
  await db.setting.createMany({ data: [{ key, value: make() }], skipDuplicates: true });
  return (await db.setting.findUniqueOrThrow({ where: { key } })).value;
}
