// CPU time and memory of the server's process tree, read from /proc (Linux).
import { readFileSync, readdirSync } from "node:fs";

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
