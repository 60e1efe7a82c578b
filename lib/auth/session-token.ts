// What a session token carries and when it stops counting. A token names the account's
// session version at sign-in and the time of sign-in: a later bump of the version (sign-out,
// new password, new role, disabled) or the absolute lifetime ends it, however active it is.
import "server-only";
import { decode, encode, type JWT } from "next-auth/jwt";
import { findSessionActor } from "../data/accounts";
import type { Actor } from "./roles";
import { authSecret } from "./secret";

/** Seconds from sign-in to the end of a session; activity never extends it. */
export const SESSION_MAX_AGE = 12 * 60 * 60;

export function sessionClaims(user: Actor, version: number, now = new Date()): JWT {
  return { sub: String(user.id), name: user.name, email: user.email, role: user.role, ver: version, authAt: Math.floor(now.getTime() / 1000) };
}

export async function issueSessionToken(user: Actor, version: number, now = new Date()): Promise<string> {
  return encode({ token: sessionClaims(user, version, now), secret: await authSecret(), maxAge: SESSION_MAX_AGE });
}

/** The staff member a token's claims still stand for, or null. */
export async function actorFromClaims(claims: JWT | null | undefined, now = new Date()): Promise<Actor | null> {
  const id = Number(claims?.sub);
  const { ver, authAt } = claims ?? {};
  if (!Number.isInteger(id) || id <= 0 || typeof ver !== "number" || typeof authAt !== "number") return null;
  if (now.getTime() >= (authAt + SESSION_MAX_AGE) * 1000) return null;
  return findSessionActor(id, ver);
}

export async function actorFromToken(token: string | undefined, now = new Date()): Promise<Actor | null> {
  if (!token) return null;
  const claims = await decode({ token, secret: await authSecret() }).catch(() => null);
  return actorFromClaims(claims, now);
}
