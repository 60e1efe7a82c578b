// Client IPs are kept only as HMAC-SHA256 under a server secret: enough to count per client,
// useless for finding out who wrote what without the secret.
import { createHmac } from "node:crypto";
import type { Db } from "./db-type";
import { commentSettings } from "./config";
import { ipKey, requestClientIp } from "../http/client-ip";
import { randomSecret, settingOrCreate } from "../data/settings";

// ipKey lives with the address rule it belongs to; re-exported for existing imports.
export { ipKey };

const SETTING_KEY = "comment_ip_secret";

export function hashIp(secret: string, ip: string): string {
  return createHmac("sha256", secret).update(ipKey(ip)).digest("hex");
}

const cached = new WeakMap<object, Promise<string>>();

/**
 * COMMENT_IP_SECRET, or else a random secret generated once and kept in `settings`, so that
 * hashes stay comparable across restarts. Never logged.
 */
export function ipSecret(db: Db): Promise<string> {
  const fromEnv = commentSettings().ipSecret;
  if (fromEnv) return Promise.resolve(fromEnv);
  let p = cached.get(db);
  if (!p) {
    p = settingOrCreate(SETTING_KEY, randomSecret, db);
    p.catch(() => cached.delete(db));
    cached.set(db, p);
  }
  return p;
}

export async function clientIpHash(db: Db, ip: string): Promise<string> {
  return hashIp(await ipSecret(db), ip);
}

/** The keyed hash of this request's client, by the site's one address rule. */
export function requestClientHash(db: Db, headers: { get(name: string): string | null }): Promise<string> {
  return clientIpHash(db, requestClientIp(headers));
}
