// Cuts a stored photo to a fixed ratio (sharp's attention strategy keeps the busiest part
// of the frame) and stores the JPEG, so each crop is made once.
import "server-only";
import sharp from "sharp";
import { storage } from "../storage";
import { cropSize, cropStorageKey, type CropRatio } from "./crops";

const inFlight = new Map<string, Promise<Buffer | null>>();

async function make(key: string, ratio: CropRatio, out: string): Promise<Buffer | null> {
  const src = await storage().get(key);
  if (!src) return null;
  let jpeg: Buffer;
  try {
    const meta = await sharp(src).metadata();
    const { width, height } = cropSize(meta.autoOrient.width, meta.autoOrient.height, ratio);
    jpeg = await sharp(src)
      .rotate()
      .resize(width, height, { fit: "cover", position: sharp.strategy.attention })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
  } catch {
    return null; // not an image sharp can read: same answer as a missing one
  }
  // Kept for next time; when the store refuses the write the crop is still this answer.
  await storage()
    .put(out, jpeg, "image/jpeg")
    .catch((e) => console.error("[media] crop not stored:", (e as Error).message));
  return jpeg;
}

/** The stored crop, made now if needed; null when the source image does not exist. */
export async function getCrop(key: string, ratio: CropRatio): Promise<Buffer | null> {
  const out = cropStorageKey(ratio, key);
  const stored = await storage().get(out);
  if (stored) return stored;
  // Concurrent first requests share one rendering (and one write).
  let p = inFlight.get(out);
  if (!p) {
    p = make(key, ratio, out).finally(() => inFlight.delete(out));
    inFlight.set(out, p);
  }
  return p;
}
