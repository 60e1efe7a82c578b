// The printed table and the PASS/MISS lines; the JSON file carries the same numbers.
import type { WrkResult } from "./wrk";

export type Row = {
  key: string;
  label: string;
  connections: number;
  /** The row this one is compared with (the static floor of the same server). */
  floor?: string;
  result?: WrkResult;
  ratio?: number;
  /** SQL statements per request during the run (0 for a page served from Next's cache). */
  queriesPerRequest?: number;
  /** The server's CPU ms per answer: unlike req/s, barely moved by other load on the machine. */
  cpuMsPerRequest?: number;
  /** The floor's CPU per answer ÷ this row's: the req/s ratio the CPU cost alone predicts. */
  cpuRatio?: number;
  /** The server's RSS right after the run, MB. */
  rssMb?: number;
  skipped?: string;
};

export type Target = { name: string; measured: string; goal: string; pass: boolean | null; note?: string };

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);
// Hangul takes two terminal columns: pad by display width so the columns line up.
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/.test(ch) ? 2 : 1), 0);
const padW = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));

/** requests/s of the floor at that many connections: the mean when it was run twice. */
export function floorRps(rows: Row[], key: string, connections: number): number | null {
  const f = rows.filter((x) => x.key === key && x.connections === connections && x.result);
  return f.length ? f.reduce((s, x) => s + x.result!.rps, 0) / f.length : null;
}

function floorCpu(rows: Row[], key: string, connections: number): number | null {
  const f = rows.filter((x) => x.key === key && x.connections === connections && x.cpuMsPerRequest);
  return f.length ? f.reduce((s, x) => s + x.cpuMsPerRequest!, 0) / f.length : null;
}

export function withRatios(rows: Row[]): Row[] {
  return rows.map((r) => {
    const floor = r.floor ? floorRps(rows, r.floor, r.connections) : null;
    if (!r.result || !floor) return r;
    const cpu = r.floor ? floorCpu(rows, r.floor, r.connections) : null;
    const cpuRatio = cpu && r.cpuMsPerRequest ? Math.round((cpu / r.cpuMsPerRequest) * 100) / 100 : undefined;
    return { ...r, ratio: Math.round((r.result.rps / floor) * 100) / 100, cpuRatio };
  });
}

export function table(rows: Row[]): string {
  const head = `${pad("run", 46)} ${lpad("conn", 4)} ${lpad("req/s", 9)} ${lpad("p50 ms", 8)} ${lpad("p99 ms", 8)} ${lpad("errors", 7)} ${lpad("KB/resp", 8)} ${lpad("vs floor", 8)} ${lpad("SQL/req", 7)} ${lpad("CPU ms", 7)} ${lpad("cpu vs", 6)}`;
  const lines = [head, "-".repeat(head.length)];
  for (const r of rows) {
    const label = padW(r.label, 46);
    if (!r.result) {
      lines.push(`${label} ${lpad(String(r.connections), 4)}   not measured: ${r.skipped ?? "?"}`);
      continue;
    }
    const x = r.result;
    lines.push(
      `${label} ${lpad(String(r.connections), 4)} ${lpad(x.rps.toFixed(0), 9)} ${lpad(x.p50.toFixed(1), 8)} ${lpad(x.p99.toFixed(1), 8)} ${lpad(String(x.errors), 7)} ${lpad((x.bytesPerResponse / 1024).toFixed(1), 8)} ${lpad(r.ratio === undefined ? "" : r.ratio.toFixed(2), 8)} ${lpad(r.queriesPerRequest === undefined ? "" : String(r.queriesPerRequest), 7)} ${lpad(r.cpuMsPerRequest === undefined ? "" : r.cpuMsPerRequest.toFixed(2), 7)} ${lpad(r.cpuRatio === undefined ? "" : r.cpuRatio.toFixed(2), 6)}`,
    );
  }
  return lines.join("\n");
}

export function targetLines(targets: Target[]): string {
  return targets
    .map((t) => {
      const mark = t.pass === null ? "n/a " : t.pass ? "PASS" : "MISS";
      return `${mark}  ${padW(t.name, 52)} ${padW(t.measured, 26)} goal ${t.goal}${t.note ? `  (${t.note})` : ""}`;
    })
    .join("\n");
}
