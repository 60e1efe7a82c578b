// A real MariaDB server of our own (Debian's mariadb-server), for the GnuBoard import's tests and
// `npm run gnuboard:sample`: data, socket, pid and log in one folder, on loopback, with a user and
// a database made for it. Installed from Debian's packages when missing (as root).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ensureTools } from "../debian-packages";
import { onSomePort } from "./ports";

export type RunningMariaDb = {
  /** mysql://gnuboard:PASSWORD@127.0.0.1:PORT/gnuboard (log it through redactMysqlUrl). */
  url: string;
  port: number;
  /** The unix socket, where root signs in without a password (unix_socket authentication). */
  socket: string;
  pid: number;
  /** Runs SQL as root through the `mariadb` client; its tab-separated output. */
  sql: (query: string) => string;
  /** Shuts the server down cleanly; resolves once it has exited. */
  stop: () => Promise<void>;
};

export type MariaDbOptions = {
  dir: string;
  log?: (m: string) => void;
  /** innodb_buffer_pool_size; default 256M (a million-post fill wants more, e.g. 1G). */
  bufferPool?: string;
  /** Leave the server running after this process exits (npm run gnuboard:sample). */
  keepRunning?: boolean;
  database?: string;
  user?: string;
};

export const MARIADB_TOOLS = [
  { bin: "mariadbd", paths: ["/usr/sbin/mariadbd"], pkg: "mariadb-server" },
  { bin: "mariadb-install-db", paths: ["/usr/bin/mariadb-install-db"], pkg: "mariadb-server" },
  { bin: "mariadb", paths: ["/usr/bin/mariadb"], pkg: "mariadb-client" },
] as const;

export function mariaDbTools(log: (m: string) => void = () => {}) {
  const [server, installDb, client] = ensureTools(MARIADB_TOOLS, "the GnuBoard import (MariaDB)", log);
  return { server, installDb, client };
}

/** The url with its password replaced by *** (for logs and error messages). */
export function redactMysqlUrl(url: string): string {
  return url.replace(/^([a-z0-9+.-]+:\/\/[^:/@]*:)[^/]*@/i, "$1***@");
}

const TAKEN = /Address already in use|Do you already have another server running on port/i;
const asRoot = () => process.getuid?.() === 0;

export async function startMariaDb(opts: MariaDbOptions): Promise<RunningMariaDb> {
  const log = opts.log ?? (() => {});
  const { server, installDb, client } = mariaDbTools(log);
  const dir = resolve(opts.dir);
  const dataDir = join(dir, "data");
  // A unix socket path must fit in 108 bytes; keep the folder short (a temp folder is).
  const socket = join(dir, "mariadb.sock");
  const pidFile = join(dir, "mariadb.pid");
  const logFile = join(dir, "mariadb.err");
  mkdirSync(dir, { recursive: true });
  const running = runningPid(dir);
  if (running) throw new Error(`MariaDB is already running in ${dir} (pid ${running}); stop it first.`);

  if (!existsSync(join(dataDir, "mysql"))) {
    log(`initialising a MariaDB data folder in ${dataDir}`);
    rmSync(dataDir, { recursive: true, force: true });
    const r = spawnSync(installDb, [
      "--no-defaults", `--datadir=${dataDir}`, "--auth-root-authentication-method=socket", "--skip-test-db",
      ...(asRoot() ? ["--user=root"] : []),
    ], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`mariadb-install-db failed (exit ${r.status}):\n${r.stderr || r.stdout}`);
  }

  const cli = (query: string) => {
    const r = spawnSync(client, ["--no-defaults", "-S", socket, "-uroot", "-N", "-B", "-e", query], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`mariadb: ${r.stderr.trim() || `exit ${r.status}`}`);
    return r.stdout.trim();
  };

  const launch = async (port: number) => {
    const before = existsSync(logFile) ? readFileSync(logFile, "utf8").length : 0;
    const child = spawn(server, [
      "--no-defaults", `--datadir=${dataDir}`, `--socket=${socket}`, `--pid-file=${pidFile}`, `--log-error=${logFile}`,
      `--port=${port}`, "--bind-address=127.0.0.1", "--skip-name-resolve", "--local-infile=1",
      "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci",
      `--innodb-buffer-pool-size=${opts.bufferPool ?? "256M"}`, "--innodb-log-file-size=256M",
      // A throwaway import source: losing the last second of writes in a crash costs nothing,
      // while flushing at every commit makes a million-post fill several times slower.
      "--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0", "--skip-log-bin",
      "--max-allowed-packet=64M",
      ...(asRoot() ? ["--user=root"] : []),
    ], { detached: true, stdio: "ignore" });
    child.unref();
    let exited: number | null | undefined;
    child.once("exit", (code) => (exited = code));
    for (let i = 0; i < 600; i++) {
      if (exited !== undefined) {
        const text = existsSync(logFile) ? readFileSync(logFile, "utf8").slice(before) : "";
        throw new Error(`mariadbd exited (${exited}) on port ${port}:\n${text.trim().split("\n").slice(-8).join("\n")}`);
      }
      if (existsSync(socket)) {
        try {
          cli("SELECT 1");
          return child.pid!;
        } catch {
          // still starting
        }
      }
      await new Promise((res) => setTimeout(res, 100));
    }
    child.kill("SIGKILL");
    throw new Error(`mariadbd on port ${port} did not answer within a minute (log: ${logFile})`);
  };
  let port = 0;
  const pid = await onSomePort(async (p) => {
    const started = await launch(p);
    port = p;
    return started;
  }, (e) => TAKEN.test(String((e as Error).message)));
  log(`MariaDB ${cli("SELECT VERSION()")} on 127.0.0.1:${port} (pid ${pid}, ${dir})`);

  const database = opts.database ?? "gnuboard";
  const user = opts.user ?? "gnuboard";
  // A new password at every start: the url is the one way in, and it is handed out only here.
  const password = randomBytes(12).toString("hex");
  cli([
    `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4`,
    `CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${password}'`,
    `ALTER USER '${user}'@'%' IDENTIFIED BY '${password}'`,
    `GRANT ALL PRIVILEGES ON \`${database}\`.* TO '${user}'@'%'`,
  ].join(";\n"));
  writeFileSync(join(dir, "mariadb.port"), String(port));

  const stop = () => stopPid(pid);
  if (!opts.keepRunning) {
    // A test run that crashes must not leave a server behind.
    process.once("exit", () => alive(pid) && process.kill(pid, "SIGKILL"));
  }
  return { url: `mysql://${user}:${password}@127.0.0.1:${port}/${database}`, port, socket, pid, sql: cli, stop };
}

/** Stops the server a previous process left running in `dir` (npm run gnuboard:sample -- --stop). */
export async function stopMariaDbIn(dir: string): Promise<boolean> {
  const pid = runningPid(resolve(dir));
  if (!pid) return false;
  await stopPid(pid);
  return true;
}

function runningPid(dir: string): number | null {
  const file = join(dir, "mariadb.pid");
  const pid = existsSync(file) ? Number(readFileSync(file, "utf8").trim()) : 0;
  return pid && alive(pid) ? pid : null;
}

// SIGTERM is mariadbd's clean shutdown (InnoDB flushed, socket and pid file removed).
async function stopPid(pid: number): Promise<void> {
  if (!alive(pid)) return;
  process.kill(pid, "SIGTERM");
  for (let i = 0; i < 1200 && alive(pid); i++) await new Promise((res) => setTimeout(res, 50));
  if (alive(pid)) process.kill(pid, "SIGKILL");
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
