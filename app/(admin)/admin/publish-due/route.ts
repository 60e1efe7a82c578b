// Called by this server's own scheduler timer (lib/scheduler.ts) when an article is due:
// publishes it and revalidates its tags. Refused without the scheduler's derived key.
import { timingSafeEqual } from "node:crypto";
import { revalidateTag } from "next/cache";
import { type NextRequest } from "next/server";
import { publishDue } from "@/lib/actions/core/publish-due";
import { derivedKey } from "@/lib/auth/secret";
import { SCHEDULER_HEADER } from "@/lib/scheduler";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { awaitReplicas } from "@/lib/replicas/fence";

export const dynamic = "force-dynamic";
const headers = { "Cache-Control": "private, no-store" };

function same(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function POST(req: NextRequest) {
  if (!same(req.headers.get(SCHEDULER_HEADER) ?? "", await derivedKey("scheduler"))) {
    return Response.json({ error: "권한이 없습니다." }, { status: 403, headers });
  }
  const r = await publishDue();
  // Only the instance whose UPDATE flipped the rows gets them back, so it alone revalidates,
  // after the replicas have replayed the flip.
  if (r.tags.length) await awaitReplicas();
  // Outside a Server Action updateTag is not allowed; expire: 0 gives the same effect (the
  // next request renders fresh instead of being served the stale page).
  for (const tag of r.tags) revalidateTag(tag, { expire: 0 });
  if (r.ids.length) console.log(`[scheduler] published ${r.ids.join(", ")}`);
  return Response.json({ published: r.ids }, { headers });
}

/** This URL only takes POST; say so (with Allow) to anything else. */
export const GET = methodNotAllowed("POST");
