// `npm run audit:pages`: what a reader's phone gets from each kind of page. Seeds a throwaway
// PostgreSQL, builds and starts the production server, then per page kind (home, article with
// a cover, section, archive page 2, search results, and the 404 page for the HTML checks):
// Lighthouse 12 (default mobile config, simulated throttling; 5 runs, the median by
// performance), the Nu HTML checker, and the page's weight (HTML, first-load JS, inline RSC
// payload). Prints a table with PASS/MISS against the targets and what to fix, writes the
// whole as JSON into bench/results/, and exits 1 when a target is missed.
//
//   npm run audit:pages
//   --articles N    articles to seed (default 2,000, with photos)
//   --port N        the server's port (default 3217; SITE_URL is baked into the build)
//   --runs N        Lighthouse runs per page (default 5, as Lighthouse advises for a median)
//   --skip-build    reuse the last .next-audit build (built for the same port)
//   --no-fail       exit 0 even when a target is missed
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { DEFAULT_CHROMIUM_PATH, envOrExit } from "../lib/env";
import { startEmbeddedPostgres } from "../lib/server/embedded-postgres";
import { migrate } from "../lib/server/migrate";
import { seedDatabase } from "../lib/seed/index";
import { ensureTools } from "./lib/debian-packages";
import { NEXT_BIN, runLogged, tail } from "./lib/logged-command";
import { startNextServer } from "./lib/next-server";
import { workFolder } from "./lib/work-folder";
import { keepTsconfig } from "./lib/production-build";
import { launchChromium } from "./lib/chromium";
import { auditWithLighthouse } from "./lib/audit/lighthouse";
import { lcpElement, type LcpElement } from "./lib/audit/lcp-element";
import { checkJava, nuCheck } from "./lib/audit/nu-checker";
import { choosePages } from "./lib/audit/pages";
import { fetchPage, pageWeight } from "./lib/audit/page-weight";
import { details, misses, table, TARGETS, type PageResult } from "./lib/audit/report";

const root = resolve(import.meta.dirname, "..");
process.chdir(root);
const DIST = ".next-audit";
/** The address the build in DIST was made for: --skip-build must not serve another port's links. */
const SITE_STAMP = join(DIST, "audit-site-url");
const log = (m: string) => console.log(`[audit] ${m}`);

function fail(m: string): never {
  console.error(`[audit] ${m}`);
  process.exit(1);
}

function parseArgs(argv: string[]) {
  const known = new Set(["--articles", "--port", "--runs", "--skip-build", "--no-fail"]);
  for (const a of argv) if (a.startsWith("--") && !known.has(a)) fail(`unknown option ${a}`);
  const num = (name: string, dflt: number) => {
    const i = argv.indexOf(name);
    if (i === -1) return dflt;
    const n = Number(argv[i + 1]);
    if (!Number.isInteger(n) || n <= 0) fail(`${name} needs a positive whole number (got ${argv[i + 1]})`);
    return n;
  };
  return {
    articles: num("--articles", 2_000),
    port: num("--port", 3217),
    runs: num("--runs", 5),
    skipBuild: argv.includes("--skip-build"),
    noFail: argv.includes("--no-fail"),
  };
}

/** Chromium (or CHROMIUM_PATH) and Java, from Debian's packages when missing and root. */
function outsideTools(): { chromium: string; java: string } {
  const wanted = envOrExit().CHROMIUM_PATH;
  if (wanted && !existsSync(wanted)) fail(`CHROMIUM_PATH=${wanted} does not exist.`);
  try {
    const [chromium] = ensureTools(
      [wanted ? { bin: wanted, pkg: "chromium" } : { bin: "chromium", paths: [DEFAULT_CHROMIUM_PATH], pkg: "chromium" }, { bin: "java", pkg: "default-jre-headless" }],
      "the page audit (Lighthouse drives Chromium; the Nu HTML checker runs on Java)",
      log,
    );
    return { chromium, java: checkJava() };
  } catch (e) {
    return fail((e as Error).message);
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const tools = outsideTools();
  log(`chromium: ${tools.chromium}; ${tools.java}`);

  const { tmp, cleanups, cleanup } = workFolder("portal-audit-", log);
  // embedded-postgres answers SIGINT itself (async-exit-hook: stop the cluster, then exit),
  // which can end the process before the cleanup above gets to the folder: synchronous steps
  // also run at exit.
  process.once("exit", () => rmSync(tmp, { recursive: true, force: true }));

  try {
    // 1. A throwaway database, migrated and seeded as `npm start` does (as the app's own role).
    const dbDir = join(tmp, "db");
    const pg = await startEmbeddedPostgres({ dir: dbDir, persistent: false, quiet: true });
    cleanups.push(() => pg.stop());
    await migrate(pg.appUrl);
    const uploadDir = join(dbDir, "uploads");
    let t = Date.now();
    log(`seeding ${args.articles.toLocaleString("en")} articles (lib/seed)...`);
    const seeded = await seedDatabase(pg.appUrl, { articles: args.articles, uploadDir, log: (m) => log(`seed: ${m}`) });
    log(`seeded ${seeded.articles} articles, ${seeded.images} images in ${((Date.now() - t) / 1000).toFixed(0)} s`);

    // 2. The production build in its own folder, and `next start` on the port it was built for.
    const baseUrl = `http://127.0.0.1:${args.port}`;
    const secret = randomBytes(24).toString("base64url");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: DIST,
      DATABASE_URL: pg.appUrl,
      UPLOAD_DIR: uploadDir,
      SITE_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: secret,
      AUTH_SECRET: secret,
      COMMENT_IP_SECRET: randomBytes(24).toString("base64url"),
      // Lighthouse and the checks ask for the same search page more often than a person would.
      SEARCH_LIMIT_PER_MINUTE: "100000",
      VIEW_BEACONS_PER_10_MINUTES: "100000",
    };
    await build(env, args.skipBuild, baseUrl, tmp, cleanups);
    const serverLog = join(tmp, "server.log");
    const server = await startNextServer({ env, logFile: serverLog, port: args.port, timeoutMs: 120_000 });
    cleanups.push(() => server.close());
    log(`server up at ${baseUrl}`);

    // 3. The pages, each rendered once before it is measured: readers get cached pages. The
    // first answer after a build may be the build's prerender, revalidating in the background,
    // hence a second request.
    const pages = await choosePages(pg.appUrl, baseUrl);
    for (const p of pages) for (let i = 0; i < 2; i++) await fetchPage(`${baseUrl}${p.path}`);
    log(`pages: ${pages.map((p) => `${p.kind} ${p.path}`).join(", ")}`);

    // 4. HTML: weight and the Nu checker (one JVM for all pages).
    const fetched = await Promise.all(
      pages.map(async (p) => {
        const url = `${baseUrl}${p.path}`;
        const r = await fetchPage(url);
        const expected = p.kind === "404" ? 404 : 200;
        if (r.status !== expected) throw new Error(`${p.path} answered HTTP ${r.status}, not ${expected}`);
        return { page: p, url, status: r.status, html: r.html, weight: await pageWeight(r.html, url) };
      }),
    );
    const htmlDir = join(tmp, "html");
    mkdirSync(htmlDir);
    t = Date.now();
    const nu = nuCheck(Object.fromEntries(fetched.map((f) => [f.page.kind, f.html])), htmlDir);
    log(`Nu HTML checker: ${fetched.map((f) => `${f.page.kind} ${nu[f.page.kind].errors.length}`).join(", ")} error(s) (${((Date.now() - t) / 1000).toFixed(0)} s)`);

    // 5. The LCP element of each page, from the page itself (see lcp-element.ts).
    const browser = await launchChromium();
    const lcp: Record<string, LcpElement | null> = {};
    try {
      for (const f of fetched) if (f.page.runLighthouse) lcp[f.page.kind] = await lcpElement(browser, f.url);
    } finally {
      await browser.close();
    }

    // 6. Lighthouse, one page after another (two cores: runs in parallel would measure each other).
    const results: PageResult[] = [];
    let lighthouseVersion = "";
    for (const f of fetched) {
      let lighthouse = null;
      if (f.page.runLighthouse) {
        log(`lighthouse ${f.page.kind} ${f.page.path} (${args.runs} runs)`);
        lighthouse = await auditWithLighthouse(f.url, { runs: args.runs, chromePath: tools.chromium, tmp, log, onBrowser: (close) => cleanups.push(close) });
        lighthouseVersion = lighthouse.version;
      }
      results.push({ kind: f.page.kind, path: f.page.path, note: f.page.note, url: f.url, status: f.status, weight: f.weight, nu: nu[f.page.kind], lcpElement: lcp[f.page.kind] ?? null, lighthouse });
    }

    // 7. Report.
    const missed = results.filter((r) => misses(r).length > 0);
    // TBT, and so the performance score, grows with whatever else the machine runs.
    const load = loadavg().map((n) => n.toFixed(1)).join(" ");
    console.log(`\n${table(results)}\nload average at the end: ${load} on ${cpus().length} cores\n`);
    console.log(details(results));
    console.log(`\n${missed.length === 0 ? "all targets met" : `targets missed on ${missed.map((r) => r.kind).join(", ")}`}`);
    const dir = join(root, "bench", "results");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `audit-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    const meta = {
      date: new Date().toISOString(),
      articles: seeded.articles,
      runsPerPage: args.runs,
      lighthouse: lighthouseVersion,
      chromium: tools.chromium,
      node: process.version,
      cpus: cpus().length,
      loadAverage: loadavg(),
      minutes: Math.round((Date.now() - started) / 6000) / 10,
      targets: TARGETS,
    };
    writeFileSync(file, JSON.stringify({ meta, pages: results.map((r) => ({ ...r, misses: misses(r) })) }, null, 2));
    log(`results written to ${file}`);
    const errors = readFileSync(serverLog, "utf8").split("\n").filter((l) => /error/i.test(l));
    if (errors.length > 0) log(`the server logged ${errors.length} error line(s), first ones:\n${errors.slice(0, 8).join("\n")}`);
    return missed.length > 0 && !args.noFail ? 1 : 0;
  } finally {
    await cleanup();
  }
}

/** next build into DIST, unless --skip-build finds one made for this address; tsconfig.json is left as it was. */
async function build(env: NodeJS.ProcessEnv, skip: boolean, siteUrl: string, tmp: string, cleanups: (() => unknown)[]) {
  // Next keeps unstable_cache entries across builds: none may come from an earlier run's database.
  rmSync(join(DIST, "cache", "fetch-cache"), { recursive: true, force: true });
  if (skip) {
    if (!existsSync(join(DIST, "BUILD_ID"))) throw new Error(`--skip-build, but there is no build in ${DIST}/`);
    const builtFor = existsSync(SITE_STAMP) ? readFileSync(SITE_STAMP, "utf8") : "(unknown)";
    if (builtFor !== siteUrl) throw new Error(`--skip-build: ${DIST}/ was built for ${builtFor}, not ${siteUrl}; build again or pass its --port`);
    log(`--skip-build: reusing ${DIST}/ (pages it prerendered show the last run's data until they revalidate)`);
    return;
  }
  const t = Date.now();
  const buildLog = join(tmp, "build.log");
  log(`next build into ${DIST}/ (log: ${buildLog})`);
  const restoreTsconfig = keepTsconfig(root);
  cleanups.push(restoreTsconfig); // also on Ctrl-C in the middle of the build
  process.once("exit", restoreTsconfig);
  const code = await runLogged(process.execPath, [...NEXT_BIN, "build"], env, buildLog);
  restoreTsconfig();
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${tail(buildLog)}`);
  writeFileSync(SITE_STAMP, siteUrl);
  log(`built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

main().then(
  (code) => process.exit(code),
  // embedded-postgres rejects with nothing when its port is taken.
  (e) => fail(e instanceof Error ? (e.stack ?? e.message) : `stopped: ${String(e)} (a port in use? try --port)`),
);
