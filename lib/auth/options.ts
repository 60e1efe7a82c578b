// next-auth 4 configuration: a Credentials provider, JWT sessions of 12 hours in an http-only
// cookie that is `Secure` whenever the site is served over https (SITE_URL).
import "server-only";
import type { AuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { site } from "../site/config";
import { clientIp } from "./client-ip";
import { verifyCredentials } from "./credentials";
import type { Role } from "./roles";
import { authSecret } from "./secret";

// next-auth builds its own URLs from NEXTAUTH_URL; the site's public URL is that URL.
process.env.NEXTAUTH_URL ??= site.url;

export const SESSION_MAX_AGE = 12 * 60 * 60;
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
          const h = (req?.headers ?? {}) as Record<string, string | undefined>;
          const r = await verifyCredentials(credentials.email, credentials.password, clientIp({ get: (n) => h[n] ?? null }));
          return r.ok ? { id: String(r.user.id), name: r.user.name, email: r.user.email, role: r.user.role } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.role = (user as { role?: Role }).role;
        return token;
      },
      session({ session, token }) {
        session.user = { ...session.user, id: token.sub, role: token.role } as typeof session.user;
        return session;
      },
    },
  };
}
