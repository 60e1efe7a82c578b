// Uploaded images, from whichever store holds them (lib/storage: the local folder or a
// bucket). Keys never change content (a new upload gets a new key), so responses are
// immutable for a year and a CDN in front may keep them.
import { type NextRequest } from "next/server";
import { isSafeKey, mediaType, storage } from "@/lib/storage";
import { storageUnavailable } from "@/lib/storage/unavailable";

export async function GET(_req: NextRequest, ctx: { params: Promise<{ key: string[] }> }) {
  const key = (await ctx.params).key.join("/");
  const type = mediaType(key);
  if (!type || !isSafeKey(key)) return new Response("Not found", { status: 404 });
  let data;
  try {
    data = await storage().get(key);
  } catch (e) {
    return storageUnavailable(e);
  }
  if (!data) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": type,
      "Content-Length": String(data.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
