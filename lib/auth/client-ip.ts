// The client a sign-in attempt is counted against, by the one address rule of the site
// (lib/http/client-ip.ts: the stamped socket address; X-Forwarded-For only from TRUSTED_PROXY),
// so that a forged header cannot make every guess look like a new client.
import { createHmac } from "node:crypto";
import { ipKey } from "../http/client-ip";

/** One-way key of a client (an IPv6 /64 is one client) under `secret`; raw addresses are never stored. */
export function addressHash(ip: string, secret: string, scope = ""): string {
  return createHmac("sha256", secret).update(`${scope}|${ipKey(ip)}`).digest("hex").slice(0, 32);
}
