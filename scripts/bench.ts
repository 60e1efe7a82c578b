// `npm run bench`: fills a throwaway PostgreSQL with 100,000 articles, builds and starts the
// production server, drives it with wrk, and runs the same through the production nginx
// config (deploy/nginx/portal.conf). Prints a table and PASS/MISS per target and writes the
// same as JSON into bench/results/. Ratios measured within one run are what count: absolute
// numbers on a shared machine are noise.
//
//   npm run bench                        full run (10 s per wrk run)
//   npm run bench -- --quick             3 s per wrk run, fewer samples
//   npm run bench -- --articles 20000    another archive size
//   --seconds N  --port 3207  --nginx-port 8207 (8208: nginx's static floor)
//   --pg-port N    a fixed port for PostgreSQL (default: a free one, see lib/server/embedded-postgres.ts)
//   --pg-dir DIR   keep the seeded cluster in DIR and reuse it next time (skips seeding); also
//                  a DATA_DIR that `npm run seed` filled (its PostgreSQL must not be running)
//   --database-url URL (or DATABASE_URL)  an already seeded, running, local database: used as
//                  it is (migrated, never seeded); statement counts need pg_stat_statements loaded
//   --skip-build   reuse the last .next-bench build (its runtime cache is cleared first)
//   --instances 1,2  instead of the above: the cluster (Redis, s3rver, N instances, nginx) once
//                  per count: reader pages through nginx, cold renders, Redis memory per page
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres, type RunningPostgres } from "../lib/server/embedded-postgres";
import { migrate } from "../lib/server/migrate";
import { seedDatabase } from "../lib/seed/index";
import { ensureTools } from "../bench/lib/tools";
import { useWrkBinary } from "../bench/lib/wrk";
import { memorySampler } from "../bench/lib/process-stats";
import { NEXT_BIN, runLogged, tail } from "./lib/logged-command";
import { startNextServer } from "./lib/next-server";
import { workFolder } from "./lib/work-folder";
import { keepTsconfig } from "./lib/production-build";
import { enableStatements, QueryStats } from "../bench/lib/query-stats";
import { readFacts } from "../bench/lib/facts";
import { measure, type Context } from "../bench/lib/measure";

const root = resolve(import.meta.dirname, "..");
process.chdir(root);
const DIST = ".next-bench";
const log = (m: string) => console.log(`[bench] ${m}`);

function parseArgs(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  const num = (name: string, dflt: number) => {
    const v = get(name);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) fail(`${name} needs a positive whole number (got ${v})`);
    return n;
  };
  const quick = argv.includes("--quick");
  return {
    quick,
    articles: num("--articles", 100_000),
    seconds: num("--seconds", quick ? 3 : 10),
    port: num("--port", 3207),
    pgPort: get("--pg-port") === undefined ? undefined : num("--pg-port", 0),
    nginxPort: num("--nginx-port", 8207),
    /** The cluster run binds a port the kernel picks unless one is named (benches of several users may run at once). */
    nginxPortNamed: get("--nginx-port") !== undefined,
    pgDir: get("--pg-dir") ? resolve(get("--pg-dir")!) : undefined,
    databaseUrl: get("--database-url") ?? (get("--pg-dir") ? undefined : process.env.DATABASE_URL),
    skipBuild: argv.includes("--skip-build"),
    instances: instanceCounts(get("--instances")),
  };
}

function instanceCounts(v: string | undefined): number[] | null {
  if (v === undefined) return null;
  const counts = v.split(",").map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > 16)) fail(`--instances needs instance counts like 1,2 (got ${v})`);
  return counts;
}

function fail(m: string): never {
  console.error(`[bench] ${m}`);
  process.exit(1);
}

async function articleCount(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query<{ n: string }>("SELECT count(*)::text AS n FROM articles")).rows[0].n);
  } finally {
    await c.end();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const tools = ensureTools(log);
  useWrkBinary(tools.wrk);
  const { tmp, cleanups, cleanup } = workFolder("portal-bench-", log);
  const started = Date.now();

  try {
    // 1. Database: throwaway (or --pg-dir), migrated, seeded, with pg_stat_statements loaded;
    // or one given by URL, used as it is.
    const pgDir = args.pgDir ?? join(tmp, "db");
    if (args.databaseUrl) {
      const host = new URL(args.databaseUrl).hostname;
      if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) fail(`refusing a database on ${host}: the bench writes comments, edits and articles`);
    }
    const startPg = () => startEmbeddedPostgres({ dir: pgDir, port: args.pgPort, persistent: true, quiet: true });
    let db: RunningPostgres = args.databaseUrl
      ? { url: args.databaseUrl, appUrl: args.databaseUrl, stop: async () => {} }
      : await startPg();
    cleanups.push(() => db.stop());
    await migrate(db.url);
    const have = await articleCount(db.url);
    const uploadDir = args.databaseUrl && process.env.UPLOAD_DIR ? resolve(process.env.UPLOAD_DIR) : join(pgDir, "uploads");
    if (have === 0 && args.databaseUrl) fail("the database given by URL has no articles: seed it first (npm run seed)");
    if (have === 0) {
      log(`seeding ${args.articles.toLocaleString("en")} articles (lib/seed)...`);
      const t = Date.now();
      const r = await seedDatabase(db.url, { articles: args.articles, uploadDir, log: (m) => log(`seed: ${m}`), progress: process.stdout.isTTY });
      log(`seeded ${r.articles} articles, ${r.images} images in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    } else log(`reusing ${have.toLocaleString("en")} articles in ${pgDir}`);
    if (!args.databaseUrl) {
      await enableStatements(db.url);
      await db.stop();
      db = await startPg();
    }
    const stats = await QueryStats.open(db.url);
    if (stats) cleanups.push(() => stats.close());
    else log("pg_stat_statements unavailable: query counts will be missing");

    // Next keeps unstable_cache entries in <dist>/cache/fetch-cache across builds: a run must
    // start without the last run's data, or its "first" renders are cache hits.
    rmSync(join(DIST, "cache", "fetch-cache"), { recursive: true, force: true });
    let built = false;
    const build = async (env: NodeJS.ProcessEnv) => {
      if (built) return;
      built = true;
      if (args.skipBuild && existsSync(join(DIST, "BUILD_ID"))) {
        // Pages rendered by the last run stay in the build folder: first renders are then
        // not cold. For iterating on the benchmark itself, not for numbers to keep.
        log(`--skip-build: reusing ${DIST}/; first-render times may come from the last run's cache`);
        return;
      }
      const t = Date.now();
      const buildLog = join(tmp, "build.log");
      log(`next build into ${DIST}/ (log: ${buildLog})`);
      // next build adds .next-bench's type folders to tsconfig.json: put it back, on Ctrl-C too.
      const restoreTsconfig = keepTsconfig(root);
      cleanups.push(restoreTsconfig);
      const code = await runLogged(process.execPath, [...NEXT_BIN, "build"], env, buildLog);
      restoreTsconfig();
      if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${tail(buildLog)}`);
      log(`built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    };
    const baseEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: DIST,
      NEXT_SKIP_TYPECHECK: "1",
      DATABASE_URL: db.url,
      UPLOAD_DIR: uploadDir,
      COMMENT_INTERVAL_SECONDS: "0", // the comment run posts faster than a person may
      // wrk is one address asking thousands of times: the per-address limits (tested on their
      // own in tests/e2e/bounded-requests.test.ts) would answer it 429 after the first few.
      SEARCH_LIMIT_PER_MINUTE: "1000000",
      VIEW_BEACONS_PER_10_MINUTES: "1000000",
    };

    if (args.instances) {
      await benchCluster(args.instances, { args, tmp, db: db.url, env: baseEnv, build, started });
      return;
    }

    // 2. Build (its own dist folder) and start the production server.
    const baseUrl = `http://127.0.0.1:${args.port}`;
    const secret = randomBytes(24).toString("base64url");
    const env: NodeJS.ProcessEnv = { ...baseEnv, SITE_URL: baseUrl, NEXTAUTH_URL: baseUrl, NEXTAUTH_SECRET: secret, AUTH_SECRET: secret };
    await build(env);
    const serverLog = join(tmp, "server.log");
    // A fixed port, unlike the tests' servers: SITE_URL and NEXTAUTH_URL are baked into the
    // build before the server runs, and the tests' answer (a held port that forwards to
    // next start's own) would add a hop to every request measured.
    const server = await startNextServer({ env, logFile: serverLog, port: args.port, timeoutMs: 120_000 });
    cleanups.push(() => server.close());
    const memory = memorySampler(server.pid);
    cleanups.push(() => memory.stop());
    log(`server up at ${baseUrl} (log: ${serverLog})`);

    // 3. Measure.
    const facts = await readFacts(db.url, args.quick ? 300 : 1000);
    const ctx: Context = {
      args,
      tmp,
      baseUrl,
      databaseUrl: db.url,
      facts,
      stats,
      tools,
      distDir: resolve(DIST),
      serverPid: server.pid,
      env,
      log,
    };
    const result = await measure(ctx);
    const mem = memory.report();

    // 4. Report.
    const { printAndSave } = await import("../bench/lib/summary");
    const file = printAndSave({
      result,
      memory: mem,
      meta: {
        date: new Date().toISOString(),
        articles: facts.archiveTotal,
        quick: args.quick,
        secondsPerRun: args.seconds,
        node: process.version,
        cpus: cpus().length,
        memoryGb: Math.round(totalmem() / 2 **30),
        minutes: Math.round((Date.now() - started) / 6000) / 10,
      },
    });
    log(`results written to ${file}`);
    const errors = readFileSync(serverLog, "utf8").split("\n").filter((l) => /error/i.test(l));
    if (errors.length > 0) log(`the server logged ${errors.length} error line(s), first ones:\n${errors.slice(0, 8).join("\n")}`);
  } finally {
    await cleanup();
  }
}

type BenchCtx = { args: ReturnType<typeof parseArgs>; tmp: string; db: string; env: NodeJS.ProcessEnv; build: (env: NodeJS.ProcessEnv) => Promise<void>; started: number };

/** --instances: the cluster measurements, printed as a table and saved as JSON. */
async function benchCluster(counts: number[], c: BenchCtx) {
  const { clusterBench, clusterColdNeeded, printClusterTable } = await import("../bench/lib/cluster-bench");
  const need = clusterColdNeeded(counts.length, c.args.seconds);
  const facts = await readFacts(c.db, Math.ceil(need / 2));
  const coldIds = [...facts.spread[0], ...facts.spread[1], ...facts.cold];
  const runs = await clusterBench({ counts, seconds: c.args.seconds, tmp: c.tmp, port: c.args.nginxPortNamed ? c.args.nginxPort : undefined, env: c.env, distDir: DIST, facts, coldIds, build: c.build, log });
  const table = printClusterTable(runs, { cpus: cpus().length });
  console.log(`\n${table}\n`);
  const dir = join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `cluster-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  const meta = { date: new Date().toISOString(), articles: facts.archiveTotal, secondsPerRun: c.args.seconds, node: process.version, cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), minutes: Math.round((Date.now() - c.started) / 6000) / 10 };
  writeFileSync(file, JSON.stringify({ meta, runs }, null, 2));
  log(`results written to ${file}`);
}

main().then(
  () => process.exit(0),
  // embedded-postgres rejects with nothing when its port is taken.
  (e) => fail(e instanceof Error ? (e.stack ?? e.message) : `stopped: ${String(e)} (a port in use? try --port, --pg-port, --nginx-port)`),
);
