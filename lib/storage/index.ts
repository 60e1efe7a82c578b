// Where uploaded files live. One small interface, two stores: the local folder (the default,
// one machine) and an S3-compatible bucket (MEDIA_STORAGE=s3, for many instances). Callers
// never know which; media URLs (/media/<key>) are the same for both.
import { env } from "../env";
import { LocalStorage } from "./local";
import { s3StorageFromEnv } from "./s3";

export { StorageUnavailable } from "./errors";

export type StoredObject = { key: string; size: number };

export interface FileStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
  /** The object's size in bytes, or null when there is none. */
  size(key: string): Promise<number | null>;
  /** Every object whose key starts with `prefix` (all of them without one), in no set order. */
  list(prefix?: string): AsyncIterable<StoredObject>;
}

let instance: FileStorage | null = null;
export function storage(): FileStorage {
  return (instance ??= env.MEDIA_STORAGE === "s3" ? s3StorageFromEnv() : new LocalStorage(env.UPLOAD_DIR));
}

/** Keys are relative paths of safe characters; anything else (.., absolute, odd bytes) is refused. */
export function isSafeKey(key: string): boolean {
  return /^[a-z0-9][a-z0-9/_-]*(\.[a-z0-9]+)?$/i.test(key) && !key.split("/").some((p) => p === "" || p === "." || p === "..");
}

/** The media type of a key by its extension (what the store is given and /media answers). */
export const MEDIA_TYPES: Record<string, string> = { jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp", avif: "image/avif" };
export const mediaType = (key: string): string | undefined => MEDIA_TYPES[key.split(".").pop()?.toLowerCase() ?? ""];
