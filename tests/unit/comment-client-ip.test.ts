// Which address the comment limits count, and how it is kept: a client cannot pick its own
// address with X-Forwarded-For unless it comes through a configured proxy.
import { describe, expect, it } from "vitest";
import { normalizeIp, resolveClientIp, stampedPeer, PEER_HEADER, PEER_TOKEN_KEY } from "@/lib/http/client-ip";
import { hashIp, ipKey } from "@/lib/comments/ip-hash";

describe("normalizeIp", () => {
  it("gives bare canonical addresses", () => {
    expect(normalizeIp(" 203.0.113.7 ")).toBe("203.0.113.7");
    expect(normalizeIp("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normalizeIp("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeIp("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeIp("fe80::1%eth0")).toBe("fe80::1");
    for (const bad of ["", "unknown", "1.2.3", "999.1.1.1", "<script>"]) expect(normalizeIp(bad)).toBeNull();
  });
});

describe("resolveClientIp", () => {
  it("uses the socket peer and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientIp("198.51.100.9", "1.1.1.1, 2.2.2.2", [])).toBe("198.51.100.9");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientIp("198.51.100.9", "1.1.1.1", ["127.0.0.1"])).toBe("198.51.100.9");
  });

  it("takes the right-most untrusted entry behind a trusted proxy, not the one a client wrote", () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; nginx appended the address it saw.
    expect(resolveClientIp("127.0.0.1", "6.6.6.6, 198.51.100.9", ["127.0.0.1"])).toBe("198.51.100.9");
    // Two proxies in a row (CDN 10.0.0.2 → nginx 127.0.0.1), both trusted.
    expect(resolveClientIp("127.0.0.1", "6.6.6.6, 198.51.100.9, 10.0.0.2", ["127.0.0.1", "10.0.0.2"])).toBe("198.51.100.9");
    expect(resolveClientIp("::ffff:127.0.0.1", "198.51.100.9:4711", ["127.0.0.1"])).toBe("198.51.100.9");
  });

  it("falls back to the proxy itself when its header is missing or garbled", () => {
    expect(resolveClientIp("127.0.0.1", null, ["127.0.0.1"])).toBe("127.0.0.1");
    expect(resolveClientIp("127.0.0.1", "6.6.6.6, nonsense", ["127.0.0.1"])).toBe("127.0.0.1");
  });

  it("without a stamped peer, reads Next's own value (the socket address when the client sent none)", () => {
    expect(resolveClientIp(null, "198.51.100.9", [])).toBe("198.51.100.9");
    expect(resolveClientIp(null, null, [])).toBe("unknown");
  });
});

describe("stampedPeer", () => {
  it("believes only a stamp carrying this process's token", () => {
    const g = globalThis as Record<symbol, unknown>;
    const before = g[PEER_TOKEN_KEY];
    g[PEER_TOKEN_KEY] = "secret-token";
    try {
      const h = (v: string | null) => new Headers(v === null ? {} : { [PEER_HEADER]: v });
      expect(stampedPeer(h("secret-token 198.51.100.9"))).toBe("198.51.100.9");
      expect(stampedPeer(h("forged 6.6.6.6"))).toBeNull();
      expect(stampedPeer(h(null))).toBeNull();
    } finally {
      g[PEER_TOKEN_KEY] = before;
    }
  });
});

describe("IP hashes", () => {
  it("are keyed: the same address gives a different hash under another secret", () => {
    const a = hashIp("secret-one-0123456789", "198.51.100.9");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(hashIp("secret-one-0123456789", "198.51.100.9")).toBe(a);
    expect(hashIp("secret-two-0123456789", "198.51.100.9")).not.toBe(a);
    expect(a).not.toContain("198");
  });

  it("count a whole IPv6 /64 as one client", () => {
    expect(ipKey("203.0.113.7")).toBe("203.0.113.7");
    expect(ipKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(ipKey("2001:db8:1:2::ffff")).toBe("2001:db8:1:2::/64");
    expect(ipKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(hashIp("k".repeat(20), "2001:db8:1:2::1")).toBe(hashIp("k".repeat(20), "2001:db8:1:2:ffff:ffff:ffff:ffff"));
    expect(hashIp("k".repeat(20), "2001:db8:1:2::1")).not.toBe(hashIp("k".repeat(20), "2001:db8:1:3::1"));
  });
});
