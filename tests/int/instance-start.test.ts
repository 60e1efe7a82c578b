// Several instances starting at once (`npm run serve` on each): the migrations run once while
// the others wait for the advisory lock (and then find nothing to do, without failing), and an
// empty database gets exactly one first admin, whichever instance gets there first.
import { describe, expect, it } from "vitest";
import { ensureInitialAdmin } from "../../lib/auth/bootstrap";
import { migrate, readMigrations } from "../../lib/server/migrate";
import { freshDatabase, migratedDatabase, withClient } from "../support/db";

describe("instances starting together", () => {
  it("migrate() from four instances at once on an empty database: one applies everything, the others wait and succeed", async () => {
    const url = await freshDatabase("int_start_migrate");
    const names = readMigrations().map((m) => m.name);
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => migrate(url)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    const applied = results.map((r) => (r as PromiseFulfilledResult<string[]>).value);
    expect(applied.filter((a) => a.length > 0)).toEqual([names]);
    const rows = await withClient(url, (c) => c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`));
    expect(rows.rows[0].n).toBe(names.length);
  });

  it("ensureInitialAdmin() from five instances at once makes exactly one admin", async () => {
    const url = await migratedDatabase("int_start_admin");
    const made = await Promise.all(Array.from({ length: 5 }, () => ensureInitialAdmin(url)));
    expect(made.filter((m) => m !== null)).toHaveLength(1);
    const users = await withClient(url, (c) => c.query<{ email: string; role: string }>("SELECT email, role FROM users"));
    expect(users.rows).toEqual([{ email: "admin@localhost", role: "ADMIN" }]);
    // A later start finds the account and makes none.
    expect(await ensureInitialAdmin(url)).toBeNull();
  });
});
