// Sessions end when the account changes (sign-out, new password, new role, disabled) and 12
// hours after sign-in however active they are. The clock is moved, not waited for.
import { beforeAll, describe, expect, it } from "vitest";
import { adminFixture, type Fixture } from "./admin-fixtures";

let f: Fixture;
let st: typeof import("../../lib/auth/session-token");
let auth: typeof import("../../lib/data/accounts");
let us: typeof import("../../lib/actions/core/users");
let run: typeof import("../../lib/actions/safe-action").runAction;
let cred: typeof import("../../lib/auth/credentials");

beforeAll(async () => {
  delete process.env.NEXTAUTH_SECRET;
  delete process.env.AUTH_SECRET;
  f = await adminFixture("int_auth_sessions");
  st = await import("../../lib/auth/session-token");
  auth = await import("../../lib/data/accounts");
  us = await import("../../lib/actions/core/users");
  cred = await import("../../lib/auth/credentials");
  ({ runAction: run } = await import("../../lib/actions/safe-action"));
});

/** A session token exactly as the sign-in form issues it (verifyCredentials, then startSession's token). */
async function signIn(email: string, password: string, now = new Date()) {
  const r = await cred.verifyCredentials(email, password, "198.51.100.1", now);
  if (!r.ok) throw new Error(r.message);
  return st.issueSessionToken(r.user, r.sessionVersion, now);
}

describe("a session token", () => {
  it("ends after a password change, while the session that changed it goes on under a new token", async () => {
    const other = await signIn("reporter@example.com", "reporter-password-1");
    const here = await signIn("reporter@example.com", "reporter-password-1");
    const r = await run(us.changeOwnPassword, f.reporter, { current: "reporter-password-1", password: "reporter-password-2" });
    expect(r).toMatchObject({ ok: true });
    expect(await st.actorFromToken(other)).toBeNull();
    expect(await st.actorFromToken(here)).toBeNull();
    const renewed = await st.issueSessionToken(f.reporter, (r as { data: { sessionVersion: number } }).data.sessionVersion);
    expect(await st.actorFromToken(renewed)).toMatchObject({ id: f.reporter.id });
  });

  it("ends after a role change", async () => {
    const token = await signIn("reporter2@example.com", "reporter-password-1");
    expect(await st.actorFromToken(token)).toMatchObject({ id: f.reporter2.id, role: "REPORTER" });
    expect(await run(us.setUserRole, f.admin, { id: String(f.reporter2.id), role: "EDITOR" })).toMatchObject({ ok: true });
    expect(await st.actorFromToken(token)).toBeNull();
  });

  it("ends when the account is disabled, and stays ended when it is opened again", async () => {
    const token = await signIn("editor@example.com", "editor-password-1");
    expect(await run(us.setUserDisabled, f.admin, { id: String(f.editor.id), disabled: "true" })).toMatchObject({ ok: true });
    expect(await st.actorFromToken(token)).toBeNull();
    expect(await run(us.setUserDisabled, f.admin, { id: String(f.editor.id) })).toMatchObject({ ok: true });
    expect(await st.actorFromToken(token)).toBeNull();
    expect(await st.actorFromToken(await signIn("editor@example.com", "editor-password-1"))).toMatchObject({ id: f.editor.id });
  });

  it("ends at sign-out, with every other session of the account", async () => {
    const a = await signIn("admin@example.com", "admin-password-1");
    const b = await signIn("admin@example.com", "admin-password-1");
    // What the sign-out button (signOutAction) and next-auth's sign-out event do.
    await auth.bumpSessionVersion(f.admin.id);
    expect(await st.actorFromToken(a)).toBeNull();
    expect(await st.actorFromToken(b)).toBeNull();
  });

  it("ends 12 hours after sign-in, however active it was", async () => {
    const t0 = new Date("2026-12-02T00:00:00Z");
    const token = await signIn("admin@example.com", "admin-password-1", t0);
    for (let h = 0; h < 12; h++) expect(await st.actorFromToken(token, new Date(t0.getTime() + h * 3600_000 + 3599_000))).toMatchObject({ id: f.admin.id });
    expect(await st.actorFromToken(token, new Date(t0.getTime() + st.SESSION_MAX_AGE * 1000))).toBeNull();
    // next-auth's own refresh (its jwt callback on every session read) keeps the sign-in time.
    const { authOptions } = await import("../../lib/auth/options");
    const { decode } = await import("next-auth/jwt");
    const { authSecret } = await import("../../lib/auth/secret");
    const claims = (await decode({ token, secret: await authSecret() }))!;
    const refreshed = await (await authOptions()).callbacks!.jwt!({ token: { ...claims }, user: undefined as never, account: null });
    expect(refreshed.authAt).toBe(claims.authAt);
  });

  it("a token without a session version (issued before this rule) is not accepted", async () => {
    const { encode } = await import("next-auth/jwt");
    const { authSecret } = await import("../../lib/auth/secret");
    const legacy = await encode({ token: { sub: String(f.admin.id), role: "ADMIN" }, secret: await authSecret() });
    expect(await st.actorFromToken(legacy)).toBeNull();
    expect(await st.actorFromToken("not-a-token")).toBeNull();
  });
});
