// Runs wrk and reads the one JSON line that bench/lua/report.lua prints at the end.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type WrkResult = {
  rps: number;
  requests: number;
  p50: number; // ms
  p90: number;
  p95: number;
  p99: number;
  max: number;
  errors: number; // non-2xx/3xx answers + socket errors + timeouts
  errorDetail: { connect: number; read: number; write: number; status: number; timeout: number };
  bytesPerResponse: number;
};

export type WrkRun = {
  url: string;
  connections: number;
  seconds: number;
  threads?: number;
  headers?: Record<string, string>;
  /** Rotate over these paths (relative to url's origin) instead of hitting url alone. */
  paths?: string[];
  method?: "GET" | "POST";
};

const LUA_DIR = join(import.meta.dirname, "..", "lua");
let wrkBinary = "wrk";

export function useWrkBinary(path: string) {
  wrkBinary = path;
}

/** A browser's request headers: pages are compared as a reader's browser gets them (gzip). */
export const BROWSER_HEADERS = {
  "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  "Accept-Encoding": "gzip, deflate, br",
  Accept: "text/html,application/xhtml+xml,*/*;q=0.8",
  "Accept-Language": "ko-KR,ko;q=0.9",
};

export async function wrk(run: WrkRun, tmp: string): Promise<WrkResult> {
  const id = Math.random().toString(36).slice(2, 8);
  const script = join(tmp, `wrk-${id}.lua`);
  const report = readFileSync(join(LUA_DIR, "report.lua"), "utf8");
  const extraArgs: string[] = [];
  if (run.paths) {
    const list = join(tmp, `paths-${id}.txt`);
    writeFileSync(list, run.paths.join("\n") + "\n");
    writeFileSync(script, readFileSync(join(LUA_DIR, "rotate.lua"), "utf8") + "\n" + report);
    extraArgs.push("--", list, run.method ?? "GET");
  } else {
    const method = run.method && run.method !== "GET" ? `wrk.method = "${run.method}"\n` : "";
    writeFileSync(script, method + report);
  }
  const headers = Object.entries({ ...BROWSER_HEADERS, ...run.headers }).flatMap(([k, v]) => ["-H", `${k}: ${v}`]);
  const args = [
    `-t${run.threads ?? 2}`,
    `-c${run.connections}`,
    `-d${run.seconds}s`,
    "--timeout",
    "5s",
    "--latency",
    ...headers,
    "-s",
    script,
    run.url,
    ...extraArgs,
  ];
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn(wrkBinary, args, { stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    p.stdout.on("data", (c: Buffer) => (text += c.toString()));
    p.stderr.on("data", (c: Buffer) => (text += c.toString()));
    p.on("error", reject);
    p.on("close", (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}: ${text.slice(-400)}`))));
  });
  const line = out.split("\n").find((l) => l.startsWith("BENCH_JSON "));
  if (!line) throw new Error(`wrk printed no result line:\n${out.slice(-600)}`);
  const j = JSON.parse(line.slice("BENCH_JSON ".length)) as Record<string, number>;
  const ms = (us: number) => Math.round(us / 10) / 100;
  const errorDetail = { connect: j.connect, read: j.read, write: j.write, status: j.status, timeout: j.timeout };
  return {
    rps: Math.round((j.requests / (j.duration_us / 1e6)) * 10) / 10,
    requests: j.requests,
    p50: ms(j.p50),
    p90: ms(j.p90),
    p95: ms(j.p95),
    p99: ms(j.p99),
    max: ms(j.max),
    errors: Object.values(errorDetail).reduce((a, b) => a + b, 0),
    errorDetail,
    bytesPerResponse: j.requests ? Math.round(j.bytes / j.requests) : 0,
  };
}
