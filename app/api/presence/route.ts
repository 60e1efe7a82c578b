// The edit page's goodbye (navigator.sendBeacon on pagehide): a server action cannot be sent
// as a beacon, and a fetch from a closing page is cancelled. Same session and schema as the
// heartbeat action; it deletes only the caller's own row of that tab.
import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/actions/safe-action";
import { leave } from "@/lib/actions/core/presence";

export const dynamic = "force-dynamic";

export async function POST(req: NextRequest) {
  let raw: unknown = null;
  try {
    raw = await req.json();
  } catch {
    return NextResponse.json({ error: "잘못된 요청입니다." }, { status: 400, headers: { "Cache-Control": "no-store" } });
  }
  const r = await runAction(leave, await getActor(), raw);
  return r.ok
    ? new NextResponse(null, { status: 204, headers: { "Cache-Control": "no-store" } })
    : NextResponse.json({ error: r.message }, { status: r.status, headers: { "Cache-Control": "no-store" } });
}
