// `next start` of a finished build as a child process, for the benchmark, the shared e2e
// server and the test files that need a server of their own (another database, other limits).
//
// By default the server binds port 0, so the kernel picks a free port atomically (nothing is
// picked, released and then raced for); its "Local:" line tells us which.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, createWriteStream, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { NEXT_BIN, tail } from "./logged-command";

export type NextServer = {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** The next-server process (next start serves in the process it was started as). */
  pid: number;
  /** The last lines of its log. */
  log: (lines?: number) => string;
  /** The process itself: for watching it exit, or killing it the hard way in a test. */
  child: ChildProcess;
  close: () => Promise<void>;
};

export type NextServerOptions = {
  /** The whole environment of the server (DATABASE_URL, NEXT_DIST_DIR, SITE_URL, ...). */
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** A fixed port, only for a caller that must know it before the server starts; default 0. */
  port?: number;
  timeoutMs?: number;
};

export async function startNextServer(opts: NextServerOptions): Promise<NextServer> {
  const timeoutMs = opts.timeoutMs ?? 90_000;
  const server = spawn(process.execPath, [...NEXT_BIN, "start", "-p", String(opts.port ?? 0), "-H", "127.0.0.1"], {
    env: opts.env,
    detached: true, // own process group: close() also ends anything the server spawned
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = createWriteStream(opts.logFile);
  server.stdout!.pipe(out);
  server.stderr!.pipe(out);
  const log = (lines = 80) => tail(opts.logFile, lines);
  const close = () => killGroup(server);
  // A crashing run must not leave a server behind; only synchronous work happens at exit.
  process.once("exit", () => signalGroup(server, "SIGKILL"));
  try {
    const port = await listeningPort(server, timeoutMs);
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(`${url}/api/health`, server, timeoutMs);
    return { url, port, pid: server.pid!, log, close, child: server };
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

/** The port in next start's "- Local: http://127.0.0.1:PORT" line, once it is printed. */
export function listeningPort(server: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const done = (f: () => void) => {
      server.stdout!.off("data", onData);
      server.off("exit", onExit);
      clearTimeout(timer);
      f();
    };
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4096);
      const m = /Local:\s+https?:\/\/\S+?:(\d+)/.exec(seen);
      if (m) done(() => resolve(Number(m[1])));
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(() => reject(new Error(`next start exited (${code ?? signal}) before it was listening`)));
    const timer = setTimeout(() => done(() => reject(new Error(`next start printed no address within ${timeoutMs} ms`))), timeoutMs);
    server.stdout!.on("data", onData);
    server.on("exit", onExit);
  });
}

function signalGroup(p: ChildProcess, s: NodeJS.Signals): void {
  if (!p.pid) return;
  try {
    process.kill(-p.pid, s);
  } catch {
    // already gone
  }
}

/** SIGTERM to the whole process group, SIGKILL after 10 s; resolves once the server has exited. */
export async function killGroup(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null || !p.pid) return;
  const exited = new Promise<void>((r) => p.once("exit", () => r()));
  signalGroup(p, "SIGTERM");
  const timer = setTimeout(() => signalGroup(p, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
  signalGroup(p, "SIGKILL"); // children that outlived it
}

/**
 * A copy of a build for a server of its own, without the build's runtime caches, so that two
 * servers never share cached pages or see each other's files.
 */
export function copyBuild(from: string, to: string): void {
  if (!existsSync(join(from, "BUILD_ID"))) throw new Error(`no build in ${from}/`);
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true, filter: (src) => !src.startsWith(join(from, "cache")) });
}
