// The QR code of an article's address, for readers who pass it on through WeChat (위챗): drawn
// here on the server as SVG (no third-party script or image service), from SITE_URL, never from
// the request's Host. 404 for an article readers cannot see.
import QRCode from "qrcode";
import { getArticle } from "@/lib/data/articles";
import { parseId } from "@/lib/route-params";
import { absoluteUrl, articlePath } from "@/lib/urls";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = parseId((await ctx.params).id);
  const article = id === null ? null : await getArticle(id);
  if (!article) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const svg = await QRCode.toString(absoluteUrl(articlePath(article.id)), { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" } });
}
