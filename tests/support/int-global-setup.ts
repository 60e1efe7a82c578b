// Integration tests get a throwaway PostgreSQL cluster of their own, whatever DATABASE_URL
// the shell had: tests must never touch `.data/` or a shared server. No migrations here:
// tests/int/migrations.test.ts needs an empty database (see tests/support/db.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/server/embedded-postgres";
import { assertLocalDatabase, preserveExitCode } from "./db";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the test cluster's default database (tests create their own, see db.ts). */
    databaseUrl: string;
    /** Scratch directory removed at teardown (upload dirs of seeded databases). */
    tmpDir: string;
  }
}

export default async function setup(project: TestProject) {
  preserveExitCode();
  const dir = mkdtempSync(join(tmpdir(), "portal-int-"));
  const pg = await startEmbeddedPostgres({ dir, persistent: false, quiet: true }).catch((e) => {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  assertLocalDatabase(pg.url);
  process.env.DATABASE_URL = pg.url;
  project.provide("databaseUrl", pg.url);
  project.provide("tmpDir", dir);
  return async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
