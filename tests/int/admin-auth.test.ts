// Sign-in: passwords hashed with argon2id and never selected by default, one generic message
// for a wrong e-mail or a wrong password, failures throttled per account and per address in
// PostgreSQL (more in auth-throttle.test.ts), a session secret generated once and kept, and
// the first admin of an empty database created with a random password.
import { verify } from "@node-rs/argon2";
import { beforeAll, describe, expect, it } from "vitest";
import { createUserAt, ensureInitialAdmin } from "../../lib/auth/bootstrap";
import { adminFixture, type Fixture } from "./admin-fixtures";
import { migratedDatabase, withClient } from "../support/db";

let f: Fixture;
let cred: typeof import("../../lib/auth/credentials");
let policy: typeof import("../../lib/auth/throttle");

beforeAll(async () => {
  delete process.env.NEXTAUTH_SECRET;
  delete process.env.AUTH_SECRET;
  f = await adminFixture("int_admin_auth");
  cred = await import("../../lib/auth/credentials");
  policy = await import("../../lib/auth/throttle");
});

describe("accounts", () => {
  it("stores an argon2id hash and the client never selects it by default", async () => {
    const [u] = await f.sql<{ password_hash: string }>("SELECT password_hash FROM users WHERE id = $1", [f.editor.id]);
    expect(u.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verify(u.password_hash, "editor-password-1")).toBe(true);
    const { db } = await import("../../lib/db");
    const row = await db.user.findUnique({ where: { id: f.editor.id } });
    expect(row).not.toHaveProperty("passwordHash");
  });

  it("user:create's function refuses a short password, a bad role, a taken e-mail", async () => {
    await expect(createUserAt(f.url, { email: "x@example.com", password: "short", role: "EDITOR" })).rejects.toThrow(/10자/);
    await expect(createUserAt(f.url, { email: "x@example.com", password: "long-enough-pw", role: "BOSS" as never })).rejects.toThrow(/역할/);
    await expect(createUserAt(f.url, { email: "EDITOR@example.com", password: "long-enough-pw", role: "EDITOR" })).rejects.toThrow(/이미 있는 계정/);
  });
});

describe("verifyCredentials", () => {
  it("signs in with the right password (e-mail case does not matter)", async () => {
    const r = await cred.verifyCredentials(" Editor@Example.com ", "editor-password-1", "203.0.113.1");
    expect(r).toMatchObject({ ok: true, user: { id: f.editor.id, role: "EDITOR" } });
  });

  it("says the same thing for an unknown e-mail and a wrong password", async () => {
    const a = await cred.verifyCredentials("nobody@example.com", "editor-password-1", "203.0.113.2");
    const b = await cred.verifyCredentials("editor@example.com", "wrong-password", "203.0.113.2");
    expect(a).toEqual({ ok: false, message: cred.BAD_CREDENTIALS, throttled: false });
    expect(b).toEqual(a);
    expect(cred.BAD_CREDENTIALS).toBe("이메일 또는 비밀번호가 올바르지 않습니다.");
  });

  it("refuses a disabled account with the same message", async () => {
    await f.sql("UPDATE users SET disabled = true WHERE id = $1", [f.reporter2.id]);
    expect(await cred.verifyCredentials("reporter2@example.com", "reporter-password-1", "203.0.113.3")).toMatchObject({ ok: false, message: cred.BAD_CREDENTIALS });
  });

  it("refuses an account to new addresses after 5 failures, even with the right password, until the delay has passed", async () => {
    const now = new Date("2026-12-01T00:00:00Z");
    for (let i = 0; i < policy.THROTTLE.account.free; i++) {
      expect(await cred.verifyCredentials("reporter@example.com", `guess-${i}`, `198.51.100.${i + 1}`, now)).toMatchObject({ throttled: false });
    }
    const r = await cred.verifyCredentials("reporter@example.com", "reporter-password-1", "198.51.100.99", now);
    expect(r).toMatchObject({ ok: false, throttled: true, message: cred.throttledMessage(1) });
    const later = new Date(now.getTime() + policy.blockMs("account", policy.THROTTLE.account.free));
    expect(await cred.verifyCredentials("reporter@example.com", "reporter-password-1", "198.51.100.99", later)).toMatchObject({ ok: true });
  });

  it("refuses an address after 10 failures across accounts", async () => {
    const now = new Date("2026-12-01T01:00:00Z");
    for (let i = 0; i < policy.THROTTLE.address.free; i++) await cred.verifyCredentials(`spray${i}@example.com`, "password123", "192.0.2.7", now);
    expect(await cred.verifyCredentials("admin@example.com", "admin-password-1", "192.0.2.7", now)).toMatchObject({ ok: false, throttled: true });
    expect(await cred.verifyCredentials("admin@example.com", "admin-password-1", "192.0.2.8", now)).toMatchObject({ ok: true });
  });

  it("never stores raw IP addresses", async () => {
    const rows = await f.sql<{ key: string }>("SELECT key FROM login_throttle WHERE kind = 'address'");
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.key).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("session secret", () => {
  it("is generated once, kept in the database, and never a fixed value", async () => {
    const { authSecret } = await import("../../lib/auth/secret");
    const a = await authSecret();
    expect(a.length).toBeGreaterThanOrEqual(40);
    expect(await authSecret()).toBe(a);
    const [row] = await f.sql<{ value: string }>("SELECT value FROM settings WHERE key = 'nextauth_secret'");
    expect(row.value).toBe(a);
  });
});

describe("ensureInitialAdmin", () => {
  it("creates one admin with a random password on an empty database, and nothing after", async () => {
    const url = await migratedDatabase("int_admin_bootstrap");
    const first = await ensureInitialAdmin(url);
    expect(first).toMatchObject({ email: "admin@localhost" });
    expect(first!.password.length).toBeGreaterThanOrEqual(16);
    expect(await ensureInitialAdmin(url)).toBeNull();
    const rows = await withClient(url, async (c) => (await c.query("SELECT role, password_hash FROM users")).rows);
    expect(rows).toHaveLength(1);
    expect(rows[0].role).toBe("ADMIN");
    expect(await verify(rows[0].password_hash, first!.password)).toBe(true);

    const other = await migratedDatabase("int_admin_bootstrap2");
    expect((await ensureInitialAdmin(other))!.password).not.toBe(first!.password);
  });
});
