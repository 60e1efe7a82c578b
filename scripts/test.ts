// `npm test`: type check, then unit, integration and end-to-end tests, stopping at the first
// failure. The README promises that this alone passes on a fresh machine, so it also
// installs the programs the tests run when they are missing (Chromium, xmllint, Redis, nginx, MariaDB:
// Debian's packages, as root).
//
//   npm test                    all three projects
//   npm test -- --only e2e      one project (unit | int | e2e), without the type check
//   npm test -- --only e2e -t 조회   other arguments go to vitest
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_CHROMIUM_PATH, envOrExit } from "../lib/env";
import { ensureTools, type Tool } from "./lib/debian-packages";
import { MARIADB_TOOLS } from "./lib/services/mariadb";
import { NGINX_TOOL } from "./lib/services/nginx";
import { REDIS_TOOLS } from "./lib/services/redis";

const PROJECTS = ["unit", "int", "e2e"] as const;
type Project = (typeof PROJECTS)[number];

function parseArgs(argv: string[]): { projects: Project[]; rest: string[] } {
  const i = argv.indexOf("--only");
  if (i === -1) return { projects: [...PROJECTS], rest: argv };
  const want = argv[i + 1] as Project;
  if (!PROJECTS.includes(want)) {
    console.error(`usage: npm test [-- --only ${PROJECTS.join("|")}] [vitest arguments]`);
    process.exit(2);
  }
  return { projects: [want], rest: argv.filter((_, k) => k !== i && k !== i + 1) };
}

const CHROMIUM_TOOL = { bin: "chromium", paths: [DEFAULT_CHROMIUM_PATH], pkg: "chromium" } as const;
/** xmllint validates sitemaps against their XSDs (unit and e2e); Debian's libxml2-utils. */
const XMLLINT_TOOL = { bin: "xmllint", pkg: "libxml2-utils" } as const;

/**
 * Every outside program the chosen projects run, installed from Debian's packages in one apt
 * run when missing: xmllint (sitemaps), Redis (the shared cache, int and e2e), MariaDB (the
 * GnuBoard import's source, int), nginx (its configuration is checked in unit, the cluster runs
 * behind it in e2e) and Chromium (e2e; CHROMIUM_PATH names another one). Installing them here, before any test starts, keeps a
 * fresh machine's apt-get out of the tests' own time limits.
 */
function ensureOutsideTools(projects: Project[]): { chromium?: string } {
  const has = (p: Project) => projects.includes(p);
  const tools: Tool[] = [];
  if (has("unit") || has("e2e")) tools.push(XMLLINT_TOOL, NGINX_TOOL);
  if (has("int") || has("e2e")) tools.push(...REDIS_TOOLS);
  if (has("int")) tools.push(...MARIADB_TOOLS);
  const wanted = envOrExit().CHROMIUM_PATH;
  if (has("e2e") && wanted && !existsSync(wanted)) fail(`CHROMIUM_PATH=${wanted} does not exist.`);
  if (has("e2e") && !wanted) tools.push(CHROMIUM_TOOL);
  const unique = [...new Map(tools.map((t) => [t.bin, t])).values()];
  const paths = installed(unique, "the tests (Chromium, xmllint, Redis, MariaDB, nginx); or set CHROMIUM_PATH");
  if (!has("e2e")) return {};
  return { chromium: wanted ?? paths[unique.indexOf(CHROMIUM_TOOL)] };
}

function installed<const T extends readonly Tool[]>(tools: T, purpose: string) {
  try {
    return ensureTools(tools, purpose, (m) => console.log(`[test] ${m}`));
  } catch (e) {
    return fail((e as Error).message);
  }
}

function fail(msg: string): never {
  console.error(`[test] ${msg}`);
  process.exit(1);
}

// Test files of a project: tests/<project>/ and below, *.test.ts.
function testFiles(project: Project): string[] {
  const dir = join("tests", project);
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".test.ts"));
}

type Counts = { passed: number; failed: number; skipped: number };

/** Vitest's JSON report; missing when vitest died before reporting (config or setup error). */
function readCounts(file: string): Counts | null {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

const { projects, rest } = parseArgs(process.argv.slice(2));
// The whole project is type-checked once here, so the e2e build skips its own check.
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_SKIP_TYPECHECK: "1" };
const { chromium } = ensureOutsideTools(projects);
if (chromium) env.CHROMIUM_PATH = chromium;

if (projects.length === PROJECTS.length) {
  console.log("[test] ── typecheck (tsc --noEmit) ──");
  if (spawnSync("npx", ["tsc", "--noEmit"], { stdio: "inherit", env }).status !== 0) {
    console.error("[test] type check failed; no tests were run.");
    console.log("\n0 passed, 1 failed");
    process.exit(1);
  }
}

const reports = mkdtempSync(join(tmpdir(), "portal-test-reports-"));
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;
try {
  for (const project of projects) {
    console.log(`\n[test] ── ${project} ──`);
    if (testFiles(project).length === 0) {
      console.warn(`[test] warning: no test files in tests/${project}, skipped`);
      continue;
    }
    const out = join(reports, `${project}.json`);
    const r = spawnSync("npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...rest], {
      stdio: "inherit",
      env,
    });
    const counts = readCounts(out);
    if (counts) {
      total.passed += counts.passed;
      total.failed += counts.failed;
      total.skipped += counts.skipped;
    }
    // A globalSetup that throws makes vitest report "no test files" and run nothing: that is
    // a failure too, whatever the exit code says (as are failed tests under a 0 exit code).
    const ranNothing = !counts || counts.passed + counts.failed === 0;
    if (r.status !== 0 || ranNothing || counts.failed > 0) {
      if (!counts || counts.failed === 0) total.failed += 1; // count the crashed project itself
      console.error(`[test] project ${project} failed (${ranNothing ? "no test ran" : `exit ${r.status ?? r.signal}`}); later projects were not run.`);
      exitCode = 1;
      break;
    }
  }
} finally {
  rmSync(reports, { recursive: true, force: true });
}
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(exitCode);
