// GET /api/captcha: a new challenge for this visitor, as a PNG of its digits plus an httpOnly
// cookie with its id. The article page around it stays cached; only this image is per visitor.
import { NextResponse, type NextRequest } from "next/server";
import { issueCaptcha, requestIpHash } from "@/lib/data/comments";
import { renderCaptcha } from "@/lib/captcha/render";
import { CAPTCHA_COOKIE, captchaCookieOptions } from "@/lib/captcha/cookie";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store, max-age=0", "X-Robots-Tag": "noindex" };

export async function GET(req: NextRequest) {
  const issued = await issueCaptcha(await requestIpHash(req.headers));
  if (!issued.ok) {
    return new NextResponse(null, { status: 429, headers: { ...noStore, "Retry-After": String(issued.retryAfter) } });
  }
  const png = await renderCaptcha(issued.answer);
  const res = new NextResponse(new Uint8Array(png), { headers: { ...noStore, "Content-Type": "image/png" } });
  const https = (req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol).startsWith("https");
  res.cookies.set(CAPTCHA_COOKIE, issued.id, captchaCookieOptions(https));
  return res;
}

/** This URL only takes GET; say so (with Allow) to anything else. */
export const POST = methodNotAllowed("GET, HEAD");
