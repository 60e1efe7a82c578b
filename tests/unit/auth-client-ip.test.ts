// Which client a sign-in attempt is counted against: the site's one address rule, so a
// forged X-Forwarded-For cannot turn every guess into a new client.
import { beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER, PEER_TOKEN_KEY } from "@/lib/http/client-ip";

// TRUSTED_PROXY is read once, on first use: set before the module under test is loaded.
process.env.TRUSTED_PROXY = "127.0.0.1,10.0.0.2"; // nginx, and a CDN in front of it
const TOKEN = "unit-test-peer-token";
let ip: typeof import("@/lib/auth/client-ip") & typeof import("@/lib/http/client-ip");

beforeAll(async () => {
  (globalThis as Record<symbol, unknown>)[PEER_TOKEN_KEY] = TOKEN;
  ip = { ...(await import("@/lib/auth/client-ip")), ...(await import("@/lib/http/client-ip")) };
});

const request = (peer: string, xff?: string) => new Headers({ [PEER_HEADER]: `${TOKEN} ${peer}`, ...(xff ? { "x-forwarded-for": xff } : {}) });

describe("requestClientIp (the sign-in's client)", () => {
  it("is the socket address when the client is not behind our proxy, whatever X-Forwarded-For says", () => {
    for (const forged of ["203.0.113.1", "10.0.0.1, 203.0.113.2", "2001:db8::1", "garbage"]) {
      expect(ip.requestClientIp(request("198.51.100.7", forged))).toBe("198.51.100.7");
    }
  });

  it("25 forged headers from one client are one client", () => {
    const keys = new Set(Array.from({ length: 25 }, (_, i) => ip.addressHash(ip.requestClientIp(request("198.51.100.7", `192.0.2.${i}`)), "secret")));
    expect(keys.size).toBe(1);
  });

  it("behind TRUSTED_PROXY, takes the address the proxy appended, not the one the client wrote", () => {
    expect(ip.requestClientIp(request("127.0.0.1", "6.6.6.6, 198.51.100.9"))).toBe("198.51.100.9");
    // Through the CDN and nginx: the client is the last address neither of them is.
    expect(ip.requestClientIp(request("127.0.0.1", "6.6.6.6, 198.51.100.9, 10.0.0.2"))).toBe("198.51.100.9");
  });
});

describe("addressHash", () => {
  it("counts an IPv6 /64 as one client and never contains the address", () => {
    const a = ip.addressHash("2001:db8:1:2::1", "secret");
    expect(ip.addressHash("2001:db8:1:2:ffff:ffff:ffff:fffe", "secret")).toBe(a);
    expect(ip.addressHash("2001:db8:1:3::1", "secret")).not.toBe(a);
    expect(ip.addressHash("198.51.100.7", "secret")).not.toContain("198");
    expect(ip.addressHash("198.51.100.7", "secret", "user:1")).not.toBe(ip.addressHash("198.51.100.7", "secret", "user:2"));
  });
});
