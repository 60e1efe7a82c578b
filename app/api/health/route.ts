import { NextResponse } from "next/server";
import { pingDatabase } from "@/lib/data/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = Date.now();
  const ok = await pingDatabase();
  return NextResponse.json(
    { ok, database: ok ? "up" : "down", ms: Date.now() - started },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
