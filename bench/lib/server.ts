// Builds the app into its own dist folder and runs `next start` as a child in its own
// process group, with a sampler of its memory (the process and its children).
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, readdirSync } from "node:fs";

export type Server = { proc: ChildProcess; baseUrl: string; stop: () => Promise<void> };

export function runLogged(cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(logFile);
    const p = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    p.stdout.pipe(out, { end: false });
    p.stderr.pipe(out, { end: false });
    p.on("error", reject);
    p.on("close", (code) => {
      out.end();
      resolve(code ?? 1);
    });
  });
}

export function tail(file: string, n = 40): string {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(-n).join("\n") : "(no log)";
}

export async function startServer(port: number, env: NodeJS.ProcessEnv, logFile: string): Promise<Server> {
  const out = createWriteStream(logFile);
  const proc = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    detached: true, // its own process group, so stop() also ends any child it spawned
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout!.pipe(out);
  proc.stderr!.pipe(out);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null || !proc.pid) return;
    const exited = new Promise<void>((r) => proc.once("exit", () => r()));
    const signal = (s: NodeJS.Signals) => {
      try {
        process.kill(-proc.pid!, s);
      } catch {
        // already gone
      }
    };
    signal("SIGTERM");
    const timer = setTimeout(() => signal("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  process.once("exit", () => {
    if (proc.pid && proc.exitCode === null) {
      try {
        process.kill(-proc.pid, "SIGKILL");
      } catch {
        // gone
      }
    }
  });
  const deadline = Date.now() + 120_000;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`next start exited (${proc.exitCode}):\n${tail(logFile)}`);
    try {
      const r = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (r.status === 200) return { proc, baseUrl, stop };
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`server not healthy after 120 s (last: ${last}):\n${tail(logFile)}`);
}

/** pid and every descendant (next start may fork a next-server child). */
function processTree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parent.set(Number(name), ppid);
    } catch {
      // exited meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, pp] of parent) if (pp === tree[i]) tree.push(pid);
  return tree;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) the process tree has used so far, in ms. */
export function cpuMs(rootPid: number): number {
  let ticks = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
    } catch {
      // exited
    }
  }
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Summed RSS of the process tree now, in MB. */
export function treeRssMb(rootPid: number): number {
  return Math.round(processTree(rootPid).reduce((s, p) => s + statusKb(p, "VmRSS"), 0) / 102.4) / 10;
}

export type MemoryReport = { peakRssMb: number; endRssMb: number; hwmMb: number; processes: number };

/** Samples the summed RSS of the server's process tree every 500 ms. */
export function memorySampler(rootPid: number) {
  let peak = 0;
  let hwm = 0;
  let procs = 0;
  const sample = () => {
    const pids = processTree(rootPid);
    procs = Math.max(procs, pids.length);
    const rss = pids.reduce((s, p) => s + statusKb(p, "VmRSS"), 0);
    hwm = Math.max(hwm, pids.reduce((s, p) => s + statusKb(p, "VmHWM"), 0));
    peak = Math.max(peak, rss);
    return rss;
  };
  const timer = setInterval(sample, 500);
  timer.unref();
  const mb = (kb: number) => Math.round(kb / 102.4) / 10;
  return {
    report(): MemoryReport {
      const end = sample();
      return { peakRssMb: mb(peak), endRssMb: mb(end), hwmMb: mb(hwm), processes: procs };
    },
    stop: () => clearInterval(timer),
  };
}
