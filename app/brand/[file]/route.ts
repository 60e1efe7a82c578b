// The logo as PNGs, rendered from lib/seo/logo.ts at build time: the publisher's logo for
// structured data (512) and feeds (144), the web app manifest's icons (192, 512) and the
// home-screen icon of iPhones (apple-touch-icon, 180).
import { logoPng } from "@/lib/seo/icons";

const SIZES: Record<string, number> = { "logo-512.png": 512, "logo-192.png": 192, "logo-144.png": 144, "apple-touch-icon.png": 180 };

export const dynamicParams = false;
export function generateStaticParams() {
  return Object.keys(SIZES).map((file) => ({ file }));
}

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  const size = SIZES[(await ctx.params).file];
  if (!size) return new Response("Not found", { status: 404 });
  const png = await logoPng(size);
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=86400" } });
}
