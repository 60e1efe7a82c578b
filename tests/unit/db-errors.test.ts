// Which errors count as "the database is away" (503 and the comment form's outage message)
// and which are ordinary failures (500), in the shapes pg, adapter-pg and Prisma throw.
import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable } from "@/lib/db-errors";
import { databaseRecentlyUnreachable, noteDatabaseFailure, noteDatabaseReachable, OUTAGE_WINDOW_MS } from "@/lib/http/db-outage";

const sysErr = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: "connect" });

describe("isDatabaseUnreachable", () => {
  it("recognises refused, reset and timed-out connections at any depth", () => {
    expect(isDatabaseUnreachable(sysErr("ECONNREFUSED"))).toBe(true);
    // Prisma 7 with adapter-pg, as logged by `next start` with PostgreSQL stopped.
    const prisma = Object.assign(new Error("Can't reach database server at 127.0.0.1:55432"), {
      code: "P1001",
      meta: { driverAdapterError: Object.assign(new Error("DatabaseNotReachable"), { cause: { kind: "DatabaseNotReachable" } }) },
    });
    expect(isDatabaseUnreachable(prisma)).toBe(true);
    expect(isDatabaseUnreachable(new Error("wrapped", { cause: new Error("Connection terminated unexpectedly") }))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01", severity: "FATAL" }))).toBe(true);
    expect(isDatabaseUnreachable(new Error("timeout exceeded when trying to connect"))).toBe(true);
  });

  it("does not blame the database for bugs and bad queries", () => {
    expect(isDatabaseUnreachable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnreachable(Object.assign(new Error("unique violation"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnreachable(Object.assign(new Error("syntax error"), { code: "42601", severity: "ERROR" }))).toBe(false);
    expect(isDatabaseUnreachable(null)).toBe(false);
    expect(isDatabaseUnreachable("ECONNREFUSED")).toBe(false);
  });
});

describe("outage window", () => {
  it("is open after a failed connection, closes on success or after the window", () => {
    const t = 1_000_000_000_000;
    noteDatabaseReachable(t);
    expect(databaseRecentlyUnreachable(t + 1)).toBe(false);
    noteDatabaseFailure(t + 10);
    expect(databaseRecentlyUnreachable(t + 20)).toBe(true);
    expect(databaseRecentlyUnreachable(t + 10 + OUTAGE_WINDOW_MS)).toBe(false);
    noteDatabaseReachable(t + 30);
    expect(databaseRecentlyUnreachable(t + 40)).toBe(false);
  });
});

describe("isDatabaseBusy", () => {
  it("recognises a pool or transaction wait that ran out, not outages or bugs", async () => {
    const { isDatabaseBusy } = await import("@/lib/db-errors");
    // Prisma 7 with adapter-pg at 50 connections (issue 14), and its pool timeout.
    expect(isDatabaseBusy(Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error("Timed out fetching a new connection from the connection pool."), { code: "P2024" }))).toBe(true);
    expect(isDatabaseBusy(new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "P2028" }) }))).toBe(true);
    expect(isDatabaseBusy(sysErr("ECONNREFUSED"))).toBe(false);
    expect(isDatabaseBusy(Object.assign(new Error("unique violation"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseBusy(null)).toBe(false);
  });

  it("keeps the busy window open for a few seconds only", async () => {
    const { noteDatabaseBusy, databaseRecentlyBusy, BUSY_WINDOW_MS } = await import("@/lib/http/db-outage");
    const t = 2_000_000_000_000;
    noteDatabaseBusy(t);
    expect(databaseRecentlyBusy(t + 1)).toBe(true);
    expect(databaseRecentlyBusy(t + BUSY_WINDOW_MS)).toBe(false);
  });
});
