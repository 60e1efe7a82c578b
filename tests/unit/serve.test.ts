// `npm run serve` is for instances of a deployment: it never falls back to an embedded
// database of its own (each instance would get a different one), and says what to do instead.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

describe("npm run serve", () => {
  it("refuses to start without DATABASE_URL, exit code 1, pointing to npm start for one machine", () => {
    const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
    const r = spawnSync(tsx, ["scripts/serve.ts"], { env: { ...process.env, DATABASE_URL: "" }, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_URL is not set/);
    expect(r.stderr).toMatch(/npm start/);
    expect(r.stdout).not.toMatch(/migration/);
  });

  it("stops on a bad setting before touching the database", () => {
    const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
    const r = spawnSync(tsx, ["scripts/serve.ts"], {
      env: { ...process.env, DATABASE_URL: "postgresql://127.0.0.1:1/none", DATABASE_REPLICA_URLS: "mysql://nope" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_REPLICA_URLS: /);
  });
});
