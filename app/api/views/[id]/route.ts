// The 조회 beacon: POST counts a reader's visit once per article and China-time day (bots
// excluded, at most VIEW_BEACON_LIMIT beacons per address) and returns the live count; GET
// only returns it. The article page itself stays cached.
import { NextResponse, type NextRequest } from "next/server";
import { parseId } from "@/lib/route-params";
import { isBot } from "@/lib/http/bots";
import { requestClientIp } from "@/lib/http/client-ip";
import { countBeacon, readViews } from "@/lib/data/views";

export const dynamic = "force-dynamic";
const noStore = { "Cache-Control": "no-store" };
const missing = () => NextResponse.json({ error: "기사를 찾을 수 없습니다" }, { status: 404, headers: noStore });

async function read(id: number) {
  const views = await readViews(id);
  return views === null ? missing() : NextResponse.json({ views }, { headers: noStore });
}

export async function POST(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  const id = parseId((await ctx.params).id);
  if (id === null) return missing();
  const human = !isBot(req.headers.get("user-agent")) && req.headers.get("sec-purpose") !== "prefetch";
  if (!human) return read(id);
  const r = await countBeacon(id, requestClientIp(req.headers));
  if (r.status === 404) return missing();
  if (r.status === 429) {
    return NextResponse.json(
      { error: "요청이 너무 많습니다. 잠시 뒤에 다시 시도해 주십시오." },
      { status: 429, headers: { ...noStore, "Retry-After": String(r.retryAfter) } },
    );
  }
  return NextResponse.json({ views: r.views }, { headers: noStore });
}

export async function GET(_req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  const id = parseId((await ctx.params).id);
  return id === null ? missing() : read(id);
}
