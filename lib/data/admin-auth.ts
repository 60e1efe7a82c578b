// Reads and writes behind sign-in: accounts with their hash, session versions, the session secret.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import type { Actor } from "../auth/roles";

export async function findUserForSignIn(email: string) {
  return db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, disabled: true, passwordHash: true, sessionVersion: true },
  });
}

/** The account behind a session, re-read on every request so that a disabled account or a
 *  changed role takes effect at once (sessions are JWTs and cannot be revoked otherwise). */
export async function findActiveStaff(id: number): Promise<Actor | null> {
  const u = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, disabled: true } });
  return u && !u.disabled ? { id: u.id, email: u.email, name: u.name, role: u.role } : null;
}

/** As findActiveStaff, for a session issued at `version`: any later bump has ended it. */
export async function findSessionActor(id: number, version: number): Promise<Actor | null> {
  const u = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true } });
  return u && !u.disabled && u.sessionVersion === version ? { id: u.id, email: u.email, name: u.name, role: u.role } : null;
}

/** Ends every session of the account (sign-out, new password, new role, disabled); returns the new version. */
export async function bumpSessionVersion(id: number): Promise<number> {
  const u = await db.user.update({ where: { id }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  return u.sessionVersion;
}

/** Replaces an outdated hash after a successful sign-in, unless the password changed meanwhile. */
export async function upgradePasswordHash(id: number, oldHash: string, newHash: string): Promise<void> {
  await db.user.updateMany({ where: { id, passwordHash: oldHash }, data: { passwordHash: newHash } });
}

/** A value generated once and kept in `settings` (first writer wins across processes). */
export async function settingOrCreate(key: string, make: () => string = () => randomBytes(32).toString("base64url")): Promise<string> {
  const found = await db.setting.findUnique({ where: { key } });
  if (found) return found.value;
  await db.setting.createMany({ data: [{ key, value: make() }], skipDuplicates: true });
  return (await db.setting.findUniqueOrThrow({ where: { key } })).value;
}
