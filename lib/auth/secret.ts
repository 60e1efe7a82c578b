// The secret that signs and encrypts sessions: NEXTAUTH_SECRET when set, otherwise a random
// one generated on first use and kept in the database, so that sessions survive restarts and
// every instance agrees. There is never a fixed default.
import "server-only";
import { createHmac } from "node:crypto";
import { settingOrCreate } from "../data/settings";
import { env } from "../env";

let cached: Promise<string> | null = null;

export function authSecret(): Promise<string> {
  const fromEnv = env.sessionSecret;
  if (fromEnv) return Promise.resolve(fromEnv);
  cached ??= settingOrCreate("nextauth_secret").catch((e) => {
    cached = null;
    throw e;
  });
  return cached;
}

/** A key derived for one purpose, so that the session secret itself is never reused. */
export async function derivedKey(purpose: string): Promise<string> {
  return createHmac("sha256", await authSecret()).update(purpose).digest("base64url");
}
