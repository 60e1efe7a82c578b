// /media-crop/{1x1|4x3|16x9}/{image key}: fixed-ratio JPEG crops of stored photos for
// structured data and social cards, made on first request and immutable afterwards
// (a key's image never changes, see app/media/[...key]).
import { isSafeKey } from "@/lib/storage";
import { isCropRatio } from "@/lib/seo/crops";
import { getCrop } from "@/lib/seo/render-crop";
import { storageUnavailable } from "@/lib/storage/unavailable";

const IMAGE = /\.(jpe?g|png|webp|avif)$/i;
const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(_req: Request, ctx: { params: Promise<{ ratio: string; key: string[] }> }) {
  const { ratio, key: parts } = await ctx.params;
  const key = parts.join("/");
  if (!isCropRatio(ratio) || !isSafeKey(key) || !IMAGE.test(key) || key.startsWith("crops/")) return notFound();
  let data;
  try {
    data = await getCrop(key, ratio);
  } catch (e) {
    return storageUnavailable(e);
  }
  if (!data) return notFound();
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": "image/jpeg",
      "Content-Length": String(data.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
