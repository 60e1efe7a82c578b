// Client IPs are kept only as HMAC-SHA256 under a server secret: enough to count per client,
// useless for finding out who wrote what without the secret.
import { createHmac, randomBytes } from "node:crypto";
import type { Db } from "./db-type";
import { commentSettings } from "./config";

const SETTING_KEY = "comment_ip_secret";

/**
 * The part of an address that identifies one client: an IPv4 address, or the /64 prefix of
 * an IPv6 one (a single home or phone gets a whole /64 and could rotate through it).
 */
export function ipKey(ip: string): string {
  if (!ip.includes(":")) return ip;
  const [head, tail = ""] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

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
