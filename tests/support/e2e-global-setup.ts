// End-to-end tests run against the production build (`next build` + `next start`) backed by
// a throwaway, migrated and seeded PostgreSQL: what readers get, not the dev server.
//
// The build goes to its own folder (NEXT_DIST_DIR, read by next.config.mjs): pages prerendered
// from the throwaway database must never end up in the .next/ that `npm start` serves.
//
//   E2E_SKIP_BUILD=1   reuse the existing .next-e2e build (faster when only tests changed).
//                      Pages prerendered by that build (the home page) show the data of the
//                      run that built them until they revalidate: fine with the
//                      deterministic seed, misleading after changing the seeder.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { loadEnv } from "../../lib/env";
import { preserveExitCode } from "./db";
import { seededCluster } from "./seeded-cluster";
import { holdPort } from "./held-port";
import { NEXT_BIN, runLogged, tail } from "../../scripts/lib/logged-command";
import { startNextServer } from "../../scripts/lib/next-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    /** The database the server reads, as the same role (its owner, no superuser), for
     *  checking what pages show against the rows. */
    databaseUrl: string;
    /** The shared server's environment, for a test file that starts a server of its own. */
    serverEnv: Record<string, string>;
  }
}

const DIST_DIR = ".next-e2e";
const SEED_ARTICLES = 400;
const START_TIMEOUT_MS = loadEnv().E2E_START_TIMEOUT_MS;
// The server runs in a zone far from China's so that a date formatted in the server's local
// time instead of UTC+8 shows up as a wrong day or hour on the page.
const SERVER_TZ = "America/Los_Angeles";

const log = (m: string) => console.log(`[e2e] ${m}`);

export default async function setup(project: TestProject) {
  preserveExitCode();
  const dir = mkdtempSync(join(tmpdir(), "portal-e2e-"));
  // Logs live apart from the data and survive a failed setup, so their paths stay useful.
  const logs = mkdtempSync(join(tmpdir(), "portal-e2e-logs-"));
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  const teardown = async () => {
    for (const fn of cleanups.reverse()) await fn();
    cleanups.length = 0;
  };

  try {
    let t = Date.now();
    // As `npm start` does: migrations, content and the server all as the app's own role.
    const { pg, databaseUrl, uploadDir } = await seededCluster(dir, { articles: SEED_ARTICLES });
    cleanups.push(() => pg.stop());
    log(`database ready with ${SEED_ARTICLES} articles in ${Date.now() - t} ms`);

    // Held from here to teardown (see held-port.ts): the build bakes this address into pages.
    const held = await holdPort();
    cleanups.push(() => held.close());
    const baseUrl = `http://127.0.0.1:${held.port}`;
    // Build and server share one environment: pages prerendered at build time read the same DB.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      UPLOAD_DIR: uploadDir,
      SITE_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      TZ: SERVER_TZ,
      // Every test file's Chromium comes from 127.0.0.1: one "reader" who searches and opens
      // articles far more often than a person would. The production limits are tested on a
      // server of their own (tests/e2e/bounded-requests.test.ts).
      SEARCH_LIMIT_PER_MINUTE: "100000",
      VIEW_BEACONS_PER_10_MINUTES: "100000",
    };

    // Next keeps its data cache (unstable_cache) across builds; entries from an earlier run's
    // database would be served as if they were this one's.
    rmSync(join(DIST_DIR, "cache", "fetch-cache"), { recursive: true, force: true });
    if (loadEnv().E2E_SKIP_BUILD) {
      if (!existsSync(join(DIST_DIR, "BUILD_ID"))) throw new Error(`E2E_SKIP_BUILD=1 but there is no build in ${DIST_DIR}/`);
      log(`E2E_SKIP_BUILD=1: reusing ${DIST_DIR}/`);
    } else {
      t = Date.now();
      const buildLog = join(logs, "build.log");
      log(`next build (log: ${buildLog})`);
      const r = await runLogged(process.execPath, [...NEXT_BIN, "build"], env, buildLog);
      if (r !== 0) throw new Error(`next build failed (exit ${r}). Last lines:\n${tail(buildLog)}`);
      log(`built in ${Math.round((Date.now() - t) / 1000)} s`);
    }

    t = Date.now();
    const server = await startNextServer({ env, logFile: join(logs, "server.log"), timeoutMs: START_TIMEOUT_MS });
    cleanups.push(() => server.close());
    held.forwardTo(server.port);
    log(`server up at ${baseUrl} (next start on :${server.port}) in ${Date.now() - t} ms`);

    project.provide("baseUrl", baseUrl);
    project.provide("databaseUrl", databaseUrl);
    project.provide("serverEnv", Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === "string")));
    return async () => {
      await teardown();
      rmSync(logs, { recursive: true, force: true });
    };
  } catch (e) {
    await teardown();
    throw e;
  }
}
