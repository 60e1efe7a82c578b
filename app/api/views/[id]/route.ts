// The 조회 beacon: POST counts one reader visit (bots excluded) and returns the live count;
// GET only returns it. The article page itself stays cached.
import { NextResponse, type NextRequest } from "next/server";
import { parseId } from "@/lib/route-params";
import { isBot } from "@/lib/http/bots";
import { readViews, recordView } from "@/lib/data/views";

export const dynamic = "force-dynamic";
const noStore = { "Cache-Control": "no-store" };

async function answer(rawId: string, count: boolean) {
  const id = parseId(rawId);
  if (id === null) return NextResponse.json({ error: "기사를 찾을 수 없습니다" }, { status: 404, headers: noStore });
  const views = count ? await recordView(id) : await readViews(id);
  if (views === null) return NextResponse.json({ error: "기사를 찾을 수 없습니다" }, { status: 404, headers: noStore });
  return NextResponse.json({ views }, { headers: noStore });
}

export async function POST(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const human = !isBot(req.headers.get("user-agent")) && req.headers.get("sec-purpose") !== "prefetch";
  return answer(id, human);
}

export async function GET(_req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  return answer((await ctx.params).id, false);
}
