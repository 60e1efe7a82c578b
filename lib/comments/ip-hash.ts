// Client IPs are kept only as HMAC-SHA256 under a server secret: enough to count per client,
// useless for finding out who wrote what without the secret.
import { createHmac, randomBytes } from "node:crypto";
import type { Db } from "./db-type";
import { commentSettings } from "./config";
import { ipKey } from "../http/client-ip";

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
    p = (async () => {
      // Concurrent first uses: only one insert wins, everybody reads the winner.
      await db.setting.createMany({ data: [{ key: SETTING_KEY, value: randomBytes(32).toString("base64url") }], skipDuplicates: true });
      const row = await db.setting.findUniqueOrThrow({ where: { key: SETTING_KEY } });
      return row.value;
    })();
    p.catch(() => cached.delete(db));
    cached.set(db, p);
  }
  return p;
}

export async function clientIpHash(db: Db, ip: string): Promise<string> {
  return hashIp(await ipSecret(db), ip);
}
