// The client's address as the last proxy saw it. Next.js fills X-Forwarded-For from the
// socket only when it is absent, and a reverse proxy (nginx `proxy_add_x_forwarded_for`)
// appends the address it saw, so the last entry is the one a client cannot forge once a
// proxy is in front. Only ever stored hashed.
import { createHash } from "node:crypto";

type HeaderBag = { get(name: string): string | null };

export function clientIp(h: HeaderBag): string {
  const xff = h.get("x-forwarded-for");
  const last = xff?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return last || h.get("x-real-ip") || "unknown";
}

/** One-way hash (salted with the app secret) so that raw addresses are never stored. */
export function hashIp(ip: string, secret: string): string {
  return createHash("sha256").update(`${secret}:login:${ip}`).digest("hex").slice(0, 32);
}
