// The signed-in staff member of this request (or null), and the guards pages use.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import { findActiveStaff } from "../data/admin-auth";
import { authOptions, sessionCookie, SESSION_MAX_AGE } from "./options";
import type { Actor } from "./roles";
import { authSecret } from "./secret";

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(await authOptions()).catch(() => null);
  const id = Number((session?.user as { id?: string } | undefined)?.id);
  return Number.isInteger(id) && id > 0 ? findActiveStaff(id) : null;
});

/** For pages under /admin: the actor, or a redirect to the sign-in page that comes back here. */
export async function requireActor(back = "/admin"): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/admin/login?next=${encodeURIComponent(back)}`);
  return actor;
}

/** Writes next-auth's session cookie for `user` (the sign-in form is a server action). */
export async function startSession(user: Actor): Promise<void> {
  const token = await encode({
    token: { sub: String(user.id), name: user.name, email: user.email, role: user.role },
    secret: await authSecret(),
    maxAge: SESSION_MAX_AGE,
  });
  (await cookies()).set(sessionCookie.name, token, { ...sessionCookie.options, maxAge: SESSION_MAX_AGE });
}

export async function endSession(): Promise<void> {
  (await cookies()).set(sessionCookie.name, "", { ...sessionCookie.options, maxAge: 0 });
}

/** Only paths inside the admin may be returned to after sign-in (no open redirect). */
export function safeNext(raw: unknown): string {
  const s = typeof raw === "string" ? raw : "";
  return /^\/admin(\/[^\s\\]*)?(\?[^\s\\]*)?$/.test(s) && !s.startsWith("//") && !s.startsWith("/admin/login") ? s : "/admin";
}
