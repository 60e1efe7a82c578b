// next-auth 4's endpoints (session, csrf, the Credentials callback, sign-out). The options are
// built per request because the secret may come from the database (lib/auth/secret.ts).
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: NextRequest, ctx: Ctx): Promise<Response> {
  return NextAuth(await authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
