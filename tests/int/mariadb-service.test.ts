// The MariaDB the GnuBoard import is tested against (scripts/lib/services/mariadb.ts): a real
// Debian mariadbd in a folder of its own. Two run side by side on different ports, each answers
// through its URL, a second start in a folder whose server runs is refused, and stop() frees the
// port and the folder (a new start there finds the data it left).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mysql from "mysql2/promise";
import { afterAll, describe, expect, it } from "vitest";
import { redactMysqlUrl, startMariaDb, type RunningMariaDb } from "../../scripts/lib/services/mariadb";

const dirs: string[] = [];
const servers: RunningMariaDb[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), "mariadb-"));
  dirs.push(d);
  return d;
};

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const connects = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ port, host: "127.0.0.1" }, () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });

describe("startMariaDb", () => {
  it("starts two servers at once on different ports, each answering through its own URL", async () => {
    const [a, b] = await Promise.all([startMariaDb({ dir: scratch() }), startMariaDb({ dir: scratch() })]);
    servers.push(a, b);
    expect(a.port).not.toBe(b.port);
    for (const s of [a, b]) {
      expect(s.url).toMatch(new RegExp(`^mysql://gnuboard:[^@]+@127\\.0\\.0\\.1:${s.port}/gnuboard$`));
      const conn = await mysql.createConnection(s.url);
      const [[row]] = (await conn.query("SELECT 6 * 7 AS answer, DATABASE() AS db, VERSION() AS version")) as unknown as [[{ answer: number; db: string; version: string }]];
      await conn.end();
      expect(row).toMatchObject({ answer: 42, db: "gnuboard" });
      expect(row.version).toContain("MariaDB");
    }
    // Each URL opens its own server only: a table made through one is absent from the other.
    a.sql("CREATE TABLE gnuboard.only_here (x INT)");
    expect(a.sql("SHOW TABLES FROM gnuboard")).toContain("only_here");
    expect(b.sql("SHOW TABLES FROM gnuboard")).not.toContain("only_here");
  });

  it("refuses a second server in a folder whose server is running, and stop() frees port and folder", async () => {
    const dir = scratch();
    const first = await startMariaDb({ dir });
    first.sql("CREATE TABLE gnuboard.kept (note VARCHAR(20)) CHARACTER SET utf8mb4; INSERT INTO gnuboard.kept VALUES ('남아 있음')");
    await expect(startMariaDb({ dir })).rejects.toThrow(/already running/);

    await first.stop();
    expect(await connects(first.port)).toBe(false);
    expect(existsSync(first.socket)).toBe(false);

    const again = await startMariaDb({ dir });
    servers.push(again);
    const conn = await mysql.createConnection(again.url);
    const [[row]] = (await conn.query("SELECT note FROM kept")) as unknown as [[{ note: string }]];
    await conn.end();
    expect(row.note).toBe("남아 있음");
    // A restart hands out a new password: the old URL no longer signs in.
    await expect(mysql.createConnection(first.url.replace(`:${first.port}/`, `:${again.port}/`))).rejects.toThrow(/Access denied/);
  });

  it("redacts the password of a URL for logs", () => {
    expect(redactMysqlUrl("mysql://gnuboard:s3cret@127.0.0.1:3306/gnuboard")).toBe("mysql://gnuboard:***@127.0.0.1:3306/gnuboard");
    expect(redactMysqlUrl("mysql://u:p@ss@db.example:3306/x")).toBe("mysql://u:***@db.example:3306/x");
    expect(redactMysqlUrl("mysql://nobody@127.0.0.1/x")).toBe("mysql://nobody@127.0.0.1/x");
  });
});
