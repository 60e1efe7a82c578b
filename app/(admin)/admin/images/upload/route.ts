// POST a photo (multipart: file, alt, caption, credit). Staff only. Answers JSON for the editor's
// fetch, or a 303 back to /admin/images for the plain form (no JavaScript).
import { type NextRequest } from "next/server";
import { MESSAGES, runAction } from "@/lib/actions/safe-action";
import { uploadImage, type UploadedImage } from "@/lib/actions/core/images";
import { getActor } from "@/lib/auth/session";
import { MAX_BYTES } from "@/lib/images/process";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";
const noStore = { "Cache-Control": "private, no-store" };

function answer(req: NextRequest, status: number, body: { message: string; errors?: unknown } & Partial<UploadedImage>) {
  if (req.headers.get("accept")?.includes("application/json")) return Response.json(body, { status, headers: noStore });
  const to = new URL("/admin/images", req.nextUrl.origin);
  if (status < 300 && body.id) to.searchParams.set("uploaded", String(body.id));
  else to.searchParams.set("error", body.message);
  return new Response(null, { status: 303, headers: { ...noStore, Location: to.pathname + to.search } });
}

function sameOrigin(req: NextRequest): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = req.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === (req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
  } catch {
    return false;
  }
}

export async function POST(req: NextRequest) {
  // Route handlers get no built-in CSRF check (server actions do): refuse cross-site posts.
  if (!sameOrigin(req)) return answer(req, 403, { message: "다른 사이트에서 보낸 요청은 받지 않습니다." });
  const actor = await getActor();
  if (!actor) return answer(req, 401, { message: MESSAGES.signIn });
  const length = Number(req.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(length)) return answer(req, 411, { message: "파일 크기를 알 수 없습니다." });
  if (length > MAX_BYTES + 64 * 1024) return answer(req, 413, { message: "사진 파일은 15MB 이하여야 합니다." });
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return answer(req, 400, { message: "사진 파일을 고르세요." });
  }
  const r = await runAction(uploadImage, actor, { file: form.get("file"), alt: form.get("alt") ?? "", caption: form.get("caption") ?? "", credit: form.get("credit") ?? "" });
  if (!r.ok) return answer(req, r.status, { message: r.message, errors: r.errors });
  return answer(req, 201, { message: r.message, ...(r.data as UploadedImage) });
}

/** This URL only takes POST; say so (with Allow) to anything else. */
export const GET = methodNotAllowed("POST");
