// A throwaway PostgreSQL and a `next start` of the e2e build of its own, for the outage test:
// the shared e2e server's database must not go away under the other test files. The build is
// copied (without its runtime caches) so that the two servers never share a page cache.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "../../lib/server/embedded-postgres";
import { migrate } from "../../lib/server/migrate";
import { assertLocalDatabase } from "../support/db";

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
  chmodSync(dir, 0o755); // as root, initdb runs as `postgres`, who must reach pg/ inside
  let pg: RunningPostgres | null = await startEmbeddedPostgres({ dir, persistent: true, quiet: true });
  const databaseUrl = pg.url;
  assertLocalDatabase(databaseUrl);
  const pgPort = Number(new URL(databaseUrl).port);
  await migrate(databaseUrl);
  const { seedDatabase } = await import("../../lib/seed/index");
  const uploadDir = join(dir, "uploads");
  await seedDatabase(databaseUrl, { articles: opts.articles, uploadDir, log: () => {} });

  rmSync(COPY, { recursive: true, force: true });
  cpSync(BUILD, COPY, { recursive: true, filter: (src) => !src.startsWith(join(BUILD, "cache")) });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = join(dir, "server.log");
  const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, UPLOAD_DIR: uploadDir, SITE_URL: opts.siteUrl, NEXT_DIST_DIR: COPY, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = createWriteStream(logFile);
  server.stdout!.pipe(out);
  server.stderr!.pipe(out);
  const log = () => (existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-60).join("\n") : "");

  const close = async () => {
    await killGroup(server);
    await pg?.stop();
    rmSync(COPY, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${baseUrl}/api/health`, server);
  } catch (e) {
    await close();
    throw new Error(`${(e as Error).message}\n${log()}`);
  }
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

async function waitFor(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode})`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} was not healthy in 90 s`);
}

async function killGroup(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null || !p.pid) return;
  const exited = new Promise<void>((r) => p.once("exit", () => r()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-p.pid!, s);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
  signal("SIGKILL");
}
