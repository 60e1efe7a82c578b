// The edit page's goodbye (navigator.sendBeacon on pagehide): a server action cannot be sent
// as a beacon, and a fetch from a closing page is cancelled. Same session and schema as the
// heartbeat action; it deletes only the caller's own row of that tab.
import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/actions/safe-action";
import { leave } from "@/lib/actions/core/presence";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };
// {"articleId":…,"tabId":…}: a few dozen bytes. Anything longer is not our page's beacon.
const MAX_BODY = 1024;

export async function POST(req: NextRequest) {
  // Who asks first (a cookie, no body read): an anonymous request is answered before its body
  // is read at all, and a signed-in one may send only a beacon's worth.
  const actor = await getActor();
  if (!actor) return NextResponse.json({ error: "로그인하세요." }, { status: 401, headers: noStore });
  const length = Number(req.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(length) || length > MAX_BODY) return NextResponse.json({ error: "잘못된 요청입니다." }, { status: 413, headers: noStore });
  let raw: unknown = null;
  try {
    raw = await req.json();
  } catch {
    return NextResponse.json({ error: "잘못된 요청입니다." }, { status: 400, headers: noStore });
  }
  const r = await runAction(leave, actor, raw);
  return r.ok
    ? new NextResponse(null, { status: 204, headers: noStore })
    : NextResponse.json({ error: r.message }, { status: r.status, headers: noStore });
}

/** This URL only takes POST; say so (with Allow) to anything else. */
export const GET = methodNotAllowed("POST");
