// /brand/logo-512.png and /brand/logo-144.png, rendered from lib/seo/logo.ts at build time.
import sharp from "sharp";
import { LOGO_SVG } from "@/lib/seo/logo";

const SIZES: Record<string, number> = { "logo-512.png": 512, "logo-144.png": 144 };

export const dynamicParams = false;
export function generateStaticParams() {
  return Object.keys(SIZES).map((file) => ({ file }));
}

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  const size = SIZES[(await ctx.params).file];
  if (!size) return new Response("Not found", { status: 404 });
  const png = await sharp(Buffer.from(LOGO_SVG), { density: 72 * (size / 512) * 4 }).resize(size, size).png().toBuffer();
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=86400" } });
}
