// Where uploaded files live. One small interface; local disk now, object storage later
// without touching callers.
import { env } from "../env";
import { LocalStorage } from "./local";

export interface FileStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

let instance: FileStorage | null = null;
export function storage(): FileStorage {
  return (instance ??= new LocalStorage(env.UPLOAD_DIR));
}

/** Keys are relative paths of safe characters; anything else (.., absolute, odd bytes) is refused. */
export function isSafeKey(key: string): boolean {
  return /^[a-z0-9][a-z0-9/_-]*(\.[a-z0-9]+)?$/i.test(key) && !key.split("/").some((p) => p === "" || p === "." || p === "..");
}
