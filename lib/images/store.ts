// Writes a processed upload through the storage interface (local disk now, S3 later) under
// fresh keys: uploads/YYYY/MM/<random>.<ext>, with -w<width>.<fmt> and -og.jpg beside it.
import { randomBytes } from "node:crypto";
import { storage, type FileStorage } from "../storage";
import type { ImageVariant } from "../types";
import { EXT, type Processed } from "./process";

export type StoredImage = { key: string; mime: string; width: number; height: number; bytes: number; variants: ImageVariant[] };

export async function storeProcessed(p: Processed, store: FileStorage = storage(), now = new Date()): Promise<StoredImage> {
  const stem = `uploads/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomBytes(8).toString("hex")}`;
  const key = `${stem}.${EXT[p.format]}`;
  const written: string[] = [];
  try {
    await store.put(key, p.original.data, p.original.mime);
    written.push(key);
    const variants: ImageVariant[] = [];
    for (const v of [...p.variants, p.og]) {
      const k = `${stem}${v.suffix}.${v.format === "jpeg" ? "jpg" : v.format}`;
      await store.put(k, v.data, v.mime);
      written.push(k);
      variants.push({ width: v.width, height: v.height, format: v.format, key: k });
    }
    return { key, mime: p.original.mime, width: p.original.width, height: p.original.height, bytes: p.original.data.length, variants };
  } catch (e) {
    await Promise.all(written.map((k) => store.delete(k).catch(() => {})));
    throw e;
  }
}

/** Removes an image's files (after its row is gone). */
export async function deleteStored(key: string, variants: ImageVariant[], store: FileStorage = storage()) {
  await Promise.all([key, ...variants.map((v) => v.key)].map((k) => store.delete(k).catch(() => {})));
}
