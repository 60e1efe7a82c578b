// `npm run bench -- --instances 1,2`: the portal as a cluster (scripts/lib/cluster.ts: Redis,
// s3rver, N instances, nginx with deploy/nginx/portal.conf), once per instance count, against
// the same seeded database:
// - reader pages through nginx as readers get them (the micro-cache answers most);
// - reader pages through nginx with every request sent on to an instance (the next-auth
//   cookie bypasses the micro-cache): what the instances themselves serve from their cache;
// - cache misses: article pages no instance has rendered (each run its own ids);
// - Redis memory per cached article page: used_memory before and after K cold article pages.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { wrk, type WrkResult } from "./wrk";
import type { Facts } from "./facts";
import { startCluster } from "../../scripts/lib/cluster";

export type ClusterRun = {
  instances: number;
  rows: { key: string; label: string; connections: number; result: WrkResult }[];
  redis: { pages: number; usedBefore: number; usedAfter: number; keysAfter: number; bytesPerPage: number | null };
};

export type ClusterBenchOptions = {
  counts: number[];
  seconds: number;
  tmp: string;
  /** nginx's port (tried once); default: one the kernel picks. */
  port?: number;
  env: NodeJS.ProcessEnv;
  distDir: string;
  facts: Facts;
  /** Published ids nothing has requested, at least enough for every cold run. */
  coldIds: number[];
  build: (env: NodeJS.ProcessEnv) => Promise<void> | void;
  log: (m: string) => void;
};

const SIGNED_IN = { Cookie: "next-auth.session-token=bench-bypass" };
const MEMORY_PAGES = 200;
/** Ids for one cold run: more than 20 connections render in `seconds` here (~100/s on 2 cores). */
const coldPerRun = (seconds: number) => seconds * 400;

/** Unrendered ids the runs need: a cold run and the memory pages per instance count. */
export function clusterColdNeeded(runs: number, seconds: number): number {
  return runs * (coldPerRun(seconds) + MEMORY_PAGES);
}

function usedMemory(info: string): number {
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
}

export async function clusterBench(o: ClusterBenchOptions): Promise<ClusterRun[]> {
  const F = o.facts;
  const slug = encodeURIComponent(F.section.slug);
  const hot = ["/", `/articles/${F.newest[0]}`, `/articles/${F.newest[1]}`, `/categories/${slug}`, "/archive?page=2"];
  const runs: ClusterRun[] = [];
  let cold = [...o.coldIds];
  const take = (n: number) => {
    if (cold.length < n) throw new Error(`not enough unrendered articles for the cold runs (seed more: --articles)`);
    const out = cold.slice(0, n);
    cold = cold.slice(n);
    return out;
  };
  for (const n of o.counts) {
    o.log(`cluster of ${n} instance(s): starting`);
    const cluster = await startCluster({
      workDir: join(o.tmp, `cluster-${n}`),
      instances: n,
      port: o.port,
      distDir: o.distDir,
      copyMediaFrom: o.env.UPLOAD_DIR,
      env: { ...o.env, NEXTAUTH_SECRET: randomBytes(24).toString("base64url"), COMMENT_IP_SECRET: randomBytes(24).toString("base64url") },
      beforeInstances: o.build,
      log: (m) => o.log(`  ${m}`),
    });
    try {
      const rows: ClusterRun["rows"] = [];
      const run = async (key: string, label: string, connections: number, paths: string[], headers?: Record<string, string>) => {
        const result = await wrk({ url: cluster.url, paths, connections, seconds: o.seconds, headers }, o.tmp);
        rows.push({ key, label, connections, result });
        o.log(`  ${label} c${connections}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms, ${result.errors} errors`);
      };
      // Every instance renders the hot pages once before they are measured.
      for (let i = 0; i < 3 * n; i++) for (const p of hot) await fetch(cluster.url + p, { headers: SIGNED_IN }).then((r) => r.arrayBuffer());

      // The bypass must still be a cache hit inside Next (the cookie changes nginx's mind only).
      const probe = await fetch(cluster.url + hot[1], { headers: SIGNED_IN });
      await probe.arrayBuffer();
      o.log(`  ${hot[1]} with the session cookie: HTTP ${probe.status}, x-nextjs-cache ${probe.headers.get("x-nextjs-cache") ?? "-"}, nginx ${probe.headers.get("x-cache-status") ?? "-"}`);
      await run("hot-nginx", "reader pages, nginx micro-cache", 50, hot);
      await run("hot-instances", "reader pages, every request to an instance", 50, hot, SIGNED_IN);
      const coldIds = take(coldPerRun(o.seconds));
      await run("cold", "cold article renders (ids never requested)", 20, coldIds.map((id) => `/articles/${id}`), SIGNED_IN);
      const coldRun = rows[rows.length - 1].result;
      if (coldRun.requests > coldIds.length) o.log(`  (the cold run asked more pages than it had ids: ${coldRun.requests - coldIds.length} answers were warm)`);

      // Redis memory per cached article page: K article pages nobody asked for, one after the
      // other through nginx, then what Redis holds more.
      const before = usedMemory(cluster.redis.cli("INFO", "memory"));
      for (const id of take(MEMORY_PAGES)) await fetch(`${cluster.url}/articles/${id}`, { headers: SIGNED_IN }).then((r) => r.arrayBuffer());
      await new Promise((r) => setTimeout(r, 1_000)); // writes to Redis finish after the answer
      const after = usedMemory(cluster.redis.cli("INFO", "memory"));
      const keysAfter = Number(cluster.redis.cli("DBSIZE"));
      const grew = after - before;
      runs.push({ instances: n, rows, redis: { pages: MEMORY_PAGES, usedBefore: before, usedAfter: after, keysAfter, bytesPerPage: keysAfter > 0 && grew > 0 ? Math.round(grew / MEMORY_PAGES) : null } });
      o.log(`  Redis: ${keysAfter} keys, used_memory ${before} → ${after} bytes after ${MEMORY_PAGES} article pages`);
    } finally {
      await cluster.stop();
    }
  }
  return runs;
}

/** The printed table: one column per instance count. */
export function printClusterTable(runs: ClusterRun[], meta: { cpus: number }): string {
  const keys = [...new Set(runs.flatMap((r) => r.rows.map((x) => x.key)))];
  const label = (k: string) => runs.flatMap((r) => r.rows).find((x) => x.key === k)!;
  const head = ["", ...runs.map((r) => `${r.instances} instance${r.instances > 1 ? "s" : ""}`)];
  const lines: string[][] = [head];
  for (const k of keys) {
    const l = label(k);
    lines.push([
      `${l.label} (c${l.connections}) req/s`,
      ...runs.map((r) => {
        const x = r.rows.find((y) => y.key === k)?.result;
        return x ? `${x.rps.toFixed(0)} (p99 ${x.p99} ms${x.errors ? `, ${x.errors} errors` : ""})` : "-";
      }),
    ]);
  }
  lines.push([
    "Redis memory per cached article page",
    ...runs.map((r) => (r.redis.bytesPerPage === null ? "nothing stored" : `${(r.redis.bytesPerPage / 1024).toFixed(1)} KB (${r.redis.keysAfter} keys)`)),
  ]);
  const widths = head.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const out = lines.map((l) => l.map((c, i) => c.padEnd(widths[i])).join("  ")).join("\n");
  return `${out}\n(${meta.cpus} CPU cores shared by nginx, wrk, every instance, Redis and PostgreSQL: more instances than cores cannot scale)`;
}
