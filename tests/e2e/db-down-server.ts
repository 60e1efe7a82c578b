// A throwaway PostgreSQL and a `next start` of the e2e build of its own, for the outage test:
// the shared e2e server's database must not go away under the other test files. The build is
// copied (without its runtime caches) so that the two servers never share a page cache.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedPostgres, type RunningPostgres } from "../../lib/server/embedded-postgres";
import { seededCluster } from "../support/seeded-cluster";
import { copyBuild, startNextServer, type NextServer } from "../../scripts/lib/next-server";

const BUILD = ".next-e2e";
const COPY = ".next-e2e-dbdown";

export type OutageRig = {
  baseUrl: string;
  databaseUrl: string;
  stopDatabase: () => Promise<void>;
  startDatabase: () => Promise<void>;
  close: () => Promise<void>;
  log: () => string;
};

export async function startOutageRig(opts: { articles: number; siteUrl: string }): Promise<OutageRig> {
  if (!existsSync(join(BUILD, "BUILD_ID"))) throw new Error(`no build in ${BUILD}/ (the e2e global setup makes it)`);
  const dir = mkdtempSync(join(tmpdir(), "portal-dbdown-"));
  const seeded = await seededCluster(dir, { articles: opts.articles, persistent: true, superuser: true });
  let pg: RunningPostgres | null = seeded.pg;
  const { databaseUrl, uploadDir } = seeded;
  const pgPort = Number(new URL(databaseUrl).port);

  copyBuild(BUILD, COPY);
  const close = async () => {
    await server?.close();
    await pg?.stop();
    rmSync(COPY, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  };
  let server: NextServer | null = null;
  try {
    server = await startNextServer({
      env: { ...process.env, DATABASE_URL: databaseUrl, UPLOAD_DIR: uploadDir, SITE_URL: opts.siteUrl, NEXT_DIST_DIR: COPY, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      logFile: join(dir, "server.log"),
    });
  } catch (e) {
    await close();
    throw e;
  }
  const baseUrl = server.url;
  const log = () => server!.log(60);
  return {
    baseUrl,
    databaseUrl,
    log,
    close,
    stopDatabase: async () => {
      await pg?.stop();
      pg = null;
    },
    startDatabase: async () => {
      pg = await startEmbeddedPostgres({ dir, port: pgPort, persistent: true, quiet: true });
    },
  };
}
