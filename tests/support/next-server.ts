// `next start` of a finished build, for tests: written once for the shared e2e server and
// the test files that need a server of their own (another database, other limits).
//
// The server binds port 0, so the kernel picks a free port atomically (nothing is picked,
// released and then raced for); its "Local:" line tells us which.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, createWriteStream, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { listeningPort } from "./held-port";

export type NextServer = {
  /** http://127.0.0.1:PORT, the port next start chose. */
  url: string;
  port: number;
  /** The next-server process itself (not npx), for reading its memory. */
  pid: () => number;
  /** The last lines of its log. */
  log: (lines?: number) => string;
  close: () => Promise<void>;
};

export type NextServerOptions = {
  /** The whole environment of the server (DATABASE_URL, NEXT_DIST_DIR, SITE_URL, ...). */
  env: NodeJS.ProcessEnv;
  logFile: string;
  timeoutMs?: number;
};

export async function startNextServer(opts: NextServerOptions): Promise<NextServer> {
  const timeoutMs = opts.timeoutMs ?? 90_000;
  const server = spawn("npx", ["next", "start", "-p", "0", "-H", "127.0.0.1"], {
    env: opts.env,
    detached: true, // own process group: close() kills npx and the next-server under it
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = createWriteStream(opts.logFile);
  server.stdout!.pipe(out);
  server.stderr!.pipe(out);
  const log = (lines = 80) => (existsSync(opts.logFile) ? readFileSync(opts.logFile, "utf8").split("\n").slice(-lines).join("\n") : "(no log)");
  const close = () => killGroup(server);
  process.once("exit", () => void close()); // a crashing test run must not leave a server behind
  try {
    const port = await listeningPort(server, timeoutMs);
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(`${url}/api/health`, server, timeoutMs);
    return { url, port, pid: () => groupMember(server.pid!, "next-server"), log, close };
  } catch (e) {
    await close();
    throw new Error(`${(e as Error).message}\n--- server log (${opts.logFile}) ---\n${log()}`);
  }
}

/** Polls `url` until it answers 200; fails early when the server exits. */
export async function waitForHealth(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`next start exited (${server.exitCode ?? server.signalCode}) before it was healthy`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (r.status === 200) return;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} was not healthy after ${timeoutMs} ms (last: ${last})`);
}

/** SIGTERM to the whole process group, SIGKILL after 10 s; resolves once npx has exited. */
export async function killGroup(p: ChildProcess): Promise<void> {
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
  signal("SIGKILL"); // children that outlived npx
}

/** The process of group `pgid` whose command line starts with `name`. */
function groupMember(pgid: number, name: string): number {
  for (const d of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      // /proc/PID/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces, so split after ')'.
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp === pgid && readFileSync(`/proc/${d}/cmdline`, "utf8").startsWith(name)) return Number(d);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no ${name} process in process group ${pgid}`);
}

/**
 * A copy of a build for a server of its own, without the build's runtime caches, so that two
 * servers never share cached pages or see each other's files.
 */
export function copyBuild(from: string, to: string): void {
  if (!existsSync(join(from, "BUILD_ID"))) throw new Error(`no build in ${from}/ (the e2e global setup makes it)`);
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true, filter: (src) => !src.startsWith(join(from, "cache")) });
}
