// The signed-in staff member of this request (or null), and the guards pages use.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCookie } from "./options";
import type { Actor } from "./roles";
import { actorFromToken, issueSessionToken, SESSION_MAX_AGE } from "./session-token";

// The cookie is read directly rather than through getServerSession, which would re-issue it
// with a later expiry on every request; the token's own sign-in time bounds its life.
export const getActor = cache(async (): Promise<Actor | null> => {
  const token = (await cookies()).get(sessionCookie.name)?.value;
  return actorFromToken(token);
});

/** For pages under /admin: the actor, or a redirect to the sign-in page that comes back here. */
export async function requireActor(back = "/admin"): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/admin/login?next=${encodeURIComponent(back)}`);
  return actor;
}

/** Writes next-auth's session cookie for `user` at session `version` (the sign-in form is a server action). */
export async function startSession(user: Actor, version: number): Promise<void> {
  const token = await issueSessionToken(user, version);
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
