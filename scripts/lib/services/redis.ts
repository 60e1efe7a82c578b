// A real Redis server of our own (Debian's redis-server), for the tests, the benchmark and
// `npm run cluster`: in a folder of its own, on loopback, without persistence, bounded by
// `maxmemory` with the eviction policy production uses (deploy/README.md). Installed from
// Debian's package when missing (as root).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ensureTools } from "../debian-packages";
import { onSomePort } from "./ports";

export type RunningRedis = {
  /** redis://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Stops the server (SHUTDOWN NOSAVE); resolves once it has exited. */
  stop: () => Promise<void>;
  /** Starts it again on the same port after stop() (for outage tests). */
  restart: () => Promise<void>;
  /** redis-cli with these arguments against this server; its output. */
  cli: (...args: string[]) => string;
};

export type RedisOptions = {
  dir: string;
  /** Default 64mb; the cache's entries carry TTLs, so volatile-lru evicts the oldest of them. */
  maxmemory?: string;
  log?: (m: string) => void;
};

const TAKEN = /Address already in use|bind: .*in use/i;

export const REDIS_TOOLS = [
  { bin: "redis-server", paths: ["/usr/bin/redis-server"], pkg: "redis-server" },
  { bin: "redis-cli", paths: ["/usr/bin/redis-cli"], pkg: "redis-tools" },
] as const;

export function redisTools(log: (m: string) => void = () => {}) {
  const [server, cli] = ensureTools(REDIS_TOOLS, "the shared cache (REDIS_URL)", log);
  return { server, cli };
}

export async function startRedis(opts: RedisOptions): Promise<RunningRedis> {
  const { server, cli } = redisTools(opts.log);
  mkdirSync(opts.dir, { recursive: true });
  const pidFile = join(opts.dir, "redis.pid");
  const logFile = join(opts.dir, "redis.log");
  const args = (port: number) => [
    "--port", String(port),
    "--bind", "127.0.0.1",
    "--save", "",
    "--appendonly", "no",
    "--dir", opts.dir,
    "--daemonize", "yes",
    "--pidfile", pidFile,
    "--logfile", logFile,
    "--maxmemory", opts.maxmemory ?? "64mb",
    "--maxmemory-policy", "volatile-lru",
  ];
  const run = (port: number) => (...a: string[]) => spawnSync(cli, ["-p", String(port), ...a], { encoding: "utf8" }).stdout.trim();

  const launch = async (port: number) => {
    const before = existsSync(logFile) ? readFileSync(logFile, "utf8").length : 0;
    const r = spawnSync(server, args(port), { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`redis-server exited ${r.status}: ${r.stderr || r.stdout}`);
    // --daemonize returns before the server is listening (or has failed to bind).
    for (let i = 0; i < 100; i++) {
      if (run(port)("PING") === "PONG") return port;
      const log = existsSync(logFile) ? readFileSync(logFile, "utf8").slice(before) : "";
      if (TAKEN.test(log) || /# (Failed|Fatal)/.test(log)) throw new Error(`redis-server did not start on port ${port}:\n${log.trim()}`);
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error(`redis-server on port ${port} did not answer PING (log: ${logFile})`);
  };
  const port = await onSomePort(launch, (e) => TAKEN.test(String((e as Error).message)));
  const cliAt = run(port);

  const stop = async () => {
    if (cliAt("PING") !== "PONG") return;
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").trim()) : 0;
    cliAt("SHUTDOWN", "NOSAVE");
    for (let i = 0; i < 200 && pid && alive(pid); i++) await new Promise((res) => setTimeout(res, 25));
  };
  // A test run that crashes must not leave a server behind.
  process.once("exit", () => {
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").trim()) : 0;
    if (pid && alive(pid)) process.kill(pid, "SIGKILL");
  });
  return { url: `redis://127.0.0.1:${port}`, port, stop, restart: async () => void (await launch(port)), cli: cliAt };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

