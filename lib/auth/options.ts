// next-auth 4 configuration: a Credentials provider, JWT sessions of 12 hours from sign-in (see
// session-token.ts) in an http-only cookie that is `Secure` whenever the site is https (SITE_URL).
import "server-only";
import type { AuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { site } from "../site/config";
import { bumpSessionVersion } from "../data/accounts";
import { headerBag } from "./client-ip";
import { verifySignIn } from "./credentials";
import type { Role } from "./roles";
import { authSecret } from "./secret";
import { actorFromClaims, SESSION_MAX_AGE } from "./session-token";

// next-auth builds its own URLs from NEXTAUTH_URL; the site's public URL is that URL.
process.env.NEXTAUTH_URL ??= site.url;

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
    providers: [
      Credentials({
        name: "이메일",
        credentials: { email: { label: "이메일", type: "email" }, password: { label: "비밀번호", type: "password" } },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          // The same address rule as the sign-in form: the peer stamp is among these headers.
          const h = headerBag((req?.headers ?? {}) as Record<string, string | string[] | undefined>);
          const r = await verifySignIn(h, credentials.email, credentials.password);
          return r.ok ? { id: String(r.user.id), name: r.user.name, email: r.user.email, role: r.user.role, ver: r.sessionVersion } : null;
        },
      }),
    ],
    events: {
      // next-auth's own sign-out ends the account's sessions like the sign-out button does.
      async signOut({ token }) {
        const actor = await actorFromClaims(token);
        if (actor) await bumpSessionVersion(actor.id);
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.role = (user as { role?: Role }).role;
          token.ver = (user as { ver?: number }).ver;
          token.authAt = Math.floor(Date.now() / 1000); // never refreshed: the lifetime is absolute
        }
        return token;
      },
      session({ session, token }) {
        session.user = { ...session.user, id: token.sub, role: token.role } as typeof session.user;
        return session;
      },
    },
  };
}
