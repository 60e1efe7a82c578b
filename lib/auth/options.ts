// next-auth 4 configuration: JWT sessions of 12 hours from sign-in (see session-token.ts) in an
// http-only cookie that is `Secure` whenever the site is https (SITE_URL). There is no
// provider: the one way in is the sign-in form's server action (lib/actions/sign-in.ts, and
// the README's "Newsroom" for why), which issues this same token in this same cookie. next-auth
// serves the session, csrf and sign-out endpoints and reads and writes the token format.
import "server-only";
import type { AuthOptions } from "next-auth";
import { site } from "../site/config";
import { bumpSessionVersion } from "../data/accounts";
import type { Role } from "./roles";
import { authSecret } from "./secret";
import { actorFromClaims, SESSION_MAX_AGE } from "./session-token";

// next-auth builds its own URLs from NEXTAUTH_URL, which it reads itself; the site's public
// URL (SITE_URL, lib/env.ts) is that URL. Written, never read by us: one setting, not two.
process.env.NEXTAUTH_URL = site.url;

export { SESSION_MAX_AGE };
const secure = site.url.startsWith("https://");

/** The same cookie next-auth itself would use; the sign-in action writes it directly. */
export const sessionCookie = {
  name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
  options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
};

export async function authOptions(): Promise<AuthOptions> {
  return {
    secret: await authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    jwt: { maxAge: SESSION_MAX_AGE },
    useSecureCookies: secure,
    cookies: { sessionToken: sessionCookie },
    pages: { signIn: "/admin/login", error: "/admin/login" },
    providers: [],
    events: {
      // next-auth's own sign-out ends the account's sessions like the sign-out button does.
      async signOut({ token }) {
        const actor = await actorFromClaims(token);
        if (actor) await bumpSessionVersion(actor.id);
      },
    },
    callbacks: {
      // Tokens are made only by sessionClaims (session-token.ts); a session read passes them
      // on unchanged, so the sign-in time, and with it the 12-hour lifetime, never moves.
      jwt: ({ token }) => token,
      session({ session, token }) {
        session.user = { ...session.user, id: token.sub, role: token.role as Role } as typeof session.user;
        return session;
      },
    },
  };
}
