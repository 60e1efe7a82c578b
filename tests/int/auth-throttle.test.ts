// Sign-in throttling against the attacks it must stop: forged X-Forwarded-For, parallel
// guesses, a stranger locking out the owner; growing delays (the clock is moved, not waited
// for), bcrypt hashes upgraded to argon2id, and tables that stay bounded.
import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER, PEER_TOKEN_KEY } from "../../lib/http/client-ip";
import { adminFixture, type Fixture } from "./admin-fixtures";

const TOKEN = "int-test-peer-token";
let f: Fixture;
let cred: typeof import("../../lib/auth/credentials");
let lt: typeof import("../../lib/data/login-throttle");
let policy: typeof import("../../lib/auth/throttle");

beforeAll(async () => {
  delete process.env.NEXTAUTH_SECRET;
  delete process.env.AUTH_SECRET;
  (globalThis as Record<symbol, unknown>)[PEER_TOKEN_KEY] = TOKEN;
  f = await adminFixture("int_auth_throttle");
  cred = await import("../../lib/auth/credentials");
  lt = await import("../../lib/data/login-throttle");
  policy = await import("../../lib/auth/throttle");
});

/** A request as peer-stamp.ts leaves it: the socket address stamped, plus whatever the client sent. */
const request = (peer: string, xff?: string) => new Headers({ [PEER_HEADER]: `${TOKEN} ${peer}`, ...(xff ? { "x-forwarded-for": xff } : {}) });
const at = (iso: string) => new Date(iso);
const after = (d: Date, ms: number) => new Date(d.getTime() + ms);
const reachedHash = (rs: { ok: boolean; throttled?: boolean }[]) => rs.filter((r) => r.ok || !r.throttled).length;

describe("per address", () => {
  it("a forged X-Forwarded-For does not escape it", async () => {
    const now = at("2026-12-01T01:00:00Z");
    const free = policy.THROTTLE.address.free;
    for (let i = 0; i < free; i++) {
      const r = await cred.verifySignIn(request("198.51.100.10", `10.9.${i}.1`), `spray${i}@example.com`, "password123", now);
      expect(r).toMatchObject({ ok: false, throttled: false });
    }
    // A new forged header and even the right password of a real account: still this client.
    const r = await cred.verifySignIn(request("198.51.100.10", "10.9.99.1"), "editor@example.com", "editor-password-1", now);
    expect(r).toMatchObject({ ok: false, throttled: true });
    expect(await cred.verifySignIn(request("198.51.100.11", "198.51.100.10"), "editor@example.com", "editor-password-1", now)).toMatchObject({ ok: true });
  });

  it("counts parallel guesses exactly", async () => {
    const now = at("2026-12-01T02:00:00Z");
    const n = policy.THROTTLE.address.free + 5;
    const rs = await Promise.all(Array.from({ length: n }, (_, i) => cred.verifyCredentials(`wide${i}@example.com`, "password123", "198.51.100.20", now)));
    expect(reachedHash(rs)).toBe(policy.THROTTLE.address.free);
  });
});

describe("per account", () => {
  it("10 parallel wrong guesses from 10 addresses: only the allowance reaches the hash check", async () => {
    const now = at("2026-12-01T03:00:00Z");
    const rs = await Promise.all(Array.from({ length: 10 }, (_, i) => cred.verifyCredentials("reporter@example.com", `guess-${i}`, `192.0.2.${10 + i}`, now)));
    expect(reachedHash(rs)).toBe(policy.THROTTLE.account.free);
    expect(rs.filter((r) => !r.ok && r.throttled)).toHaveLength(10 - policy.THROTTLE.account.free);
    const [row] = await f.sql<{ failures: number }>("SELECT failures FROM login_throttle WHERE kind = 'account' AND key = 'reporter@example.com'");
    expect(row.failures).toBe(policy.THROTTLE.account.free);
  });

  it("a stranger's failures do not lock out the right password from an address the owner used before", async () => {
    const t0 = at("2026-12-01T04:00:00Z");
    expect(await cred.verifyCredentials("admin@example.com", "admin-password-1", "2001:db8:aa:1::10", t0)).toMatchObject({ ok: true });
    const t1 = after(t0, 60 * 60_000);
    await Promise.all(Array.from({ length: 20 }, (_, i) => cred.verifyCredentials("admin@example.com", `guess-${i}`, `203.0.113.${100 + i}`, t1)));
    // A new address, even with the right password, waits out the block like the strangers...
    expect(await cred.verifyCredentials("admin@example.com", "admin-password-1", "203.0.113.200", t1)).toMatchObject({ ok: false, throttled: true });
    // ...but the owner's usual network (same /64, another host) is let through to the password check.
    expect(await cred.verifyCredentials("admin@example.com", "wrong-password-x", "2001:db8:aa:1::99", t1)).toMatchObject({ ok: false, throttled: false });
    expect(await cred.verifyCredentials("admin@example.com", "admin-password-1", "2001:db8:aa:1::99", t1)).toMatchObject({ ok: true });
    // Getting in through the block did not forgive the strangers' failures.
    expect(await cred.verifyCredentials("admin@example.com", "admin-password-1", "203.0.113.201", t1)).toMatchObject({ ok: false, throttled: true });
  });

  it("refuses for a delay that doubles with each further failure, up to a cap", async () => {
    const p = policy.THROTTLE.account;
    let now = at("2026-12-01T05:00:00Z");
    let addr = 0;
    const guess = () => cred.verifyCredentials("reporter2@example.com", "wrong-password", `198.18.0.${++addr}`, now);
    for (let i = 0; i < p.free - 1; i++) expect(await guess()).toMatchObject({ throttled: false });
    const delays: number[] = [];
    for (let k = 0; k < 8; k++) {
      expect(await guess()).toMatchObject({ throttled: false }); // admitted: the block starts now
      const blocked = await guess();
      expect(blocked).toMatchObject({ ok: false, throttled: true });
      const retryAt = (blocked as { retryAt: Date }).retryAt;
      delays.push(retryAt.getTime() - now.getTime());
      now = after(retryAt, -1);
      expect(await guess()).toMatchObject({ throttled: true }); // one millisecond early
      now = retryAt;
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 30, 30, 30].map((m) => m * 60_000));
    expect(delays).toEqual(delays.map((_, k) => policy.blockMs("account", p.free + k)));
  });

  it("tells how long to wait, in Korean", async () => {
    const now = at("2026-12-01T06:00:00Z");
    for (let i = 0; i < policy.THROTTLE.account.free; i++) await cred.verifyCredentials("nobody@example.com", "x-password-1", `198.18.1.${i}`, now);
    const r = await cred.verifyCredentials("nobody@example.com", "x-password-1", "198.18.1.99", after(now, 1000));
    expect(r).toMatchObject({ ok: false, throttled: true, message: "로그인 시도가 너무 많습니다. 1분 뒤에 다시 시도해 주세요." });
  });
});

describe("hashes", () => {
  it("new passwords are argon2id; a bcrypt hash is accepted once and replaced by argon2id", async () => {
    const [{ password_hash: fresh }] = await f.sql<{ password_hash: string }>("SELECT password_hash FROM users WHERE id = $1", [f.editor.id]);
    expect(fresh).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    // An account from before argon2id, as the old code stored it.
    const old = await bcrypt.hash("old-bcrypt-password", 12);
    const [{ id }] = await f.sql<{ id: number }>(`INSERT INTO users (email, name, password_hash, role) VALUES ('legacy@example.com', '옛기자', $1, 'REPORTER') RETURNING id`, [old]);
    const hashOf = async () => (await f.sql<{ password_hash: string }>("SELECT password_hash FROM users WHERE id = $1", [id]))[0].password_hash;
    const now = at("2026-12-02T03:00:00Z");
    expect(await cred.verifyCredentials("legacy@example.com", "wrong-password", "198.18.2.1", now)).toMatchObject({ ok: false, throttled: false });
    expect(await hashOf()).toBe(old);
    expect(await cred.verifyCredentials("legacy@example.com", "old-bcrypt-password", "198.18.2.1", now)).toMatchObject({ ok: true });
    const upgraded = await hashOf();
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await cred.verifyCredentials("legacy@example.com", "old-bcrypt-password", "198.18.2.1", now)).toMatchObject({ ok: true });
    expect(await hashOf()).toBe(upgraded); // upgraded once, not re-hashed on every sign-in
  });
});

describe("bounded tables", () => {
  it("keys nobody tried for a day are pruned; an account remembers its last 10 addresses", async () => {
    const now = at("2026-12-10T00:00:00Z");
    await lt.reserveAttempt("address", "recent-key", after(now, -60_000));
    const before = (await f.sql<{ n: number }>("SELECT count(*)::int AS n FROM login_throttle"))[0].n;
    expect(await lt.pruneThrottle(now)).toBe(before - 1);
    expect(await f.sql("SELECT key FROM login_throttle")).toEqual([{ key: "recent-key" }]);

    for (let i = 0; i < 12; i++) expect(await cred.verifyCredentials("editor@example.com", "editor-password-1", `198.18.3.${i}`, after(now, i * 1000))).toMatchObject({ ok: true });
    const rows = await f.sql("SELECT address_hash FROM known_sign_in_addresses WHERE user_id = $1", [f.editor.id]);
    expect(rows).toHaveLength(lt.KNOWN_ADDRESSES_KEPT);
  });

  it("stores no raw address", async () => {
    const rows = await f.sql<{ key: string }>("SELECT key FROM login_throttle WHERE kind = 'address'");
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.key).toMatch(/^([0-9a-f]{32}|recent-key)$/);
  });
});

describe("a flood from many addresses", () => {
  it("never runs more than the gate's hashes at once; beyond its queue a sign-in is refused as busy and counts against no one", async () => {
    const { hashGate } = await import("../../lib/auth/hash-gate");
    const now = at("2026-12-01T09:00:00Z");
    // Fill every slot and the whole queue with checks that wait until we let them go.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const blockers = Array.from({ length: hashGate.slots + hashGate.queueMax }, () => hashGate.run(() => held));
    expect(hashGate.load).toEqual({ running: hashGate.slots, waiting: hashGate.queueMax });

    const r = await cred.verifyCredentials("editor@example.com", "editor-password-1", "203.0.113.77", now);
    expect(r).toEqual({ ok: false, message: cred.BUSY_MESSAGE, throttled: true });
    const rows = await f.sql<{ kind: string; failures: number }>("SELECT kind, failures FROM login_throttle WHERE key = 'editor@example.com' OR updated_at = $1", [now]);
    expect(rows.map((x) => x.kind).sort()).toEqual(["account", "address"]); // both were reserved, and given back
    expect(rows.every((x) => x.failures === 0)).toBe(true);

    release();
    await Promise.all(blockers);
    expect(hashGate.load).toEqual({ running: 0, waiting: 0 });
    expect(await cred.verifyCredentials("editor@example.com", "editor-password-1", "203.0.113.77", now)).toMatchObject({ ok: true });
  });
});
