// The client's IP address as far as this server can trust it.
//
// Next's server only fills `X-Forwarded-For` from the socket when the request has none
// (`??=` in base-server), so inside a route handler or server action a client-sent value is
// indistinguishable from the socket address. instrumentation.ts therefore installs
// lib/http/peer-stamp.ts, which writes the real socket address into PEER_HEADER, prefixed
// with a random per-process token a client cannot know. X-Forwarded-For is then believed
// only when that peer is one of TRUSTED_PROXY, and only its right-most untrusted entry (the
// address our own proxy saw), never the left-most one a client can write freely.
import { isIP } from "node:net";
import { env } from "../env";

export const PEER_HEADER = "x-portal-peer";
export const PEER_TOKEN_KEY = Symbol.for("portal.peer-token");

type HeaderSource = { get(name: string): string | null };

/** A bare, canonical address: no port, no brackets, IPv4-mapped IPv6 as IPv4; null if invalid. */
export function normalizeIp(raw: string): string | null {
  let s = raw.trim();
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracket) s = bracket[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  s = s.replace(/%.*$/, "").toLowerCase(); // IPv6 zone id
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (mapped) s = mapped[1];
  return isIP(s) ? s : null;
}

/** The socket address stamped by peer-stamp.ts, or null when the stamp is absent or forged. */
export function stampedPeer(headers: HeaderSource): string | null {
  const token = (globalThis as Record<symbol, unknown>)[PEER_TOKEN_KEY];
  const value = headers.get(PEER_HEADER);
  if (typeof token !== "string" || !value || !value.startsWith(`${token} `)) return null;
  return normalizeIp(value.slice(token.length + 1));
}

/**
 * The client address from the socket peer and X-Forwarded-For: the peer itself unless it is
 * a trusted proxy; otherwise X-Forwarded-For read from the right, skipping trusted proxies.
 */
export function resolveClientIp(peer: string | null, forwardedFor: string | null, trusted: readonly string[]): string {
  const proxies = new Set(trusted.map(normalizeIp).filter((x): x is string => x !== null));
  const hops = (forwardedFor ?? "").split(",").map((x) => x.trim()).filter(Boolean);
  // Without a stamp, Next's own value is the best we have: the socket address when the client
  // sent no X-Forwarded-For (the normal case without a proxy).
  const from = normalizeIp(peer ?? hops.pop() ?? "");
  if (!from) return "unknown";
  if (!proxies.has(from)) return from;
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = normalizeIp(hops[i]);
    if (!ip) return from; // garbage where our proxy writes an address: do not guess
    if (!proxies.has(ip)) return ip;
  }
  return from;
}

/** This request's client by the site's one rule: TRUSTED_PROXY from the settings. Every limit
 *  (sign-in, comments, captcha, 조회, search) counts clients through this. */
export function requestClientIp(headers: HeaderSource): string {
  return clientIp(headers, env.TRUSTED_PROXY);
}

export function clientIp(headers: HeaderSource, trusted: readonly string[]): string {
  const peer = stampedPeer(headers);
  return resolveClientIp(peer, headers.get("x-forwarded-for"), trusted);
}

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
