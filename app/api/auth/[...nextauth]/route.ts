// next-auth 4's endpoints (session, csrf, the Credentials callback, sign-out). The options are
// built per request because the secret may come from the database (lib/auth/secret.ts).
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

// next-auth 4's actions; for any other path it answers 400, but such a URL simply does not exist.
const ACTIONS = new Set(["providers", "session", "csrf", "signin", "signout", "callback", "verify-request", "error", "_log"]);

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: NextRequest, ctx: Ctx): Promise<Response> {
  if (!ACTIONS.has((await ctx.params).nextauth[0])) return Response.json({ error: "찾을 수 없습니다" }, { status: 404 });
  return NextAuth(await authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
