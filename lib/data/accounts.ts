// Newsroom accounts: the sign-in lookup (with the hash), the account behind a session, session
// versions, hash upgrades and the staff list.
import "server-only";
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

export const listStaff = () =>
  db.user.findMany({ orderBy: [{ role: "asc" }, { name: "asc" }], select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true } });
