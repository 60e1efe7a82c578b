// Lighthouse 12 through its Node API with its default config (mobile, simulated throttling),
// against Debian's Chromium started here: one fresh browser and profile per run.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import lighthouse, { type Result } from "lighthouse";
import { OFFLINE_CHROMIUM_FLAGS } from "../chromium";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];

const CHROME_FLAGS = ["--headless=new", ...OFFLINE_CHROMIUM_FLAGS];

export type Metrics = { lcpMs: number; tbtMs: number; fcpMs: number; cls: number; speedIndexMs: number };
/** An audit that did not pass, with where (selectors, URLs) so that someone can fix it. */
export type Finding = { id: string; title: string; score: number | null; value?: string; explanation?: string; items: string[] };
/** benchmarkIndex: Lighthouse's CPU benchmark of this run; a busy machine scores low and shows more TBT. */
export type RunSummary = { scores: Record<Category, number | null>; metrics: Metrics; benchmarkIndex: number };
export type PageLighthouse = {
  version: string;
  /** Every run's scores and metrics; `median` indexes the run of the median performance score. */
  runs: RunSummary[];
  median: number;
  scores: Record<Category, number | null>;
  metrics: Metrics;
  /** Accessibility, best practices and SEO audits that did not pass (median run). */
  failing: Record<Exclude<Category, "performance">, Finding[]>;
  /** Performance audits with savings or a failing score, biggest first (median run). */
  opportunities: Finding[];
  /** What the numbers are made of: LCP element, main-thread work, bytes, DOM size. */
  context: Finding[];
  /** Audits Lighthouse could not compute (id: message). */
  errored: string[];
  warnings: string[];
};

type Browser = { port: number; close: () => Promise<void> };

/** Chromium with a fresh profile and a DevTools port the kernel picked (read from the profile). */
async function launchChromium(chromePath: string, tmp: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmp, "chromium-"));
  const child = spawn(chromePath, [...CHROME_FLAGS, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"], {
    stdio: "ignore",
    detached: true,
  });
  const kill = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // gone already
    }
  };
  process.once("exit", kill);
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      kill();
      await exited;
    }
    process.off("exit", kill);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    return { port: await devToolsPort(child, profile), close };
  } catch (e) {
    await close();
    throw e;
  }
}

async function devToolsPort(child: ChildProcess, profile: string): Promise<number> {
  const file = join(profile, "DevToolsActivePort");
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`chromium exited (${child.exitCode}) before it opened its DevTools port`);
    if (existsSync(file)) {
      const port = Number(readFileSync(file, "utf8").split("\n")[0]);
      if (port > 0) return port;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("chromium opened no DevTools port within 30 s");
}

/** One Lighthouse run of `url` in a browser of its own. */
export async function lighthouseRun(url: string, chromePath: string, tmp: string, onBrowser?: (close: () => Promise<void>) => void): Promise<Result> {
  const browser = await launchChromium(chromePath, tmp);
  onBrowser?.(browser.close);
  try {
    const r = await lighthouse(url, { port: browser.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
    if (!r) throw new Error(`lighthouse returned nothing for ${url}`);
    if (r.lhr.runtimeError) throw new Error(`lighthouse: ${r.lhr.runtimeError.code} ${r.lhr.runtimeError.message}`);
    return r.lhr;
  } finally {
    await browser.close();
  }
}

/** `runs` Lighthouse runs of `url`; the page's figures are those of the median performance run. */
export async function auditWithLighthouse(
  url: string,
  o: { runs: number; chromePath: string; tmp: string; log: (m: string) => void; onBrowser?: (close: () => Promise<void>) => void },
): Promise<PageLighthouse> {
  const lhrs: Result[] = [];
  for (let i = 0; i < o.runs; i++) {
    const t = Date.now();
    const lhr = await lighthouseRun(url, o.chromePath, o.tmp, o.onBrowser);
    lhrs.push(lhr);
    const s = summarise(lhr);
    o.log(`  run ${i + 1}/${o.runs}: perf ${fmt(s.scores.performance)}, LCP ${Math.round(s.metrics.lcpMs)} ms, TBT ${Math.round(s.metrics.tbtMs)} ms, CPU benchmark ${s.benchmarkIndex} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  }
  const runs = lhrs.map(summarise);
  const order = runs.map((_, i) => i).sort((a, b) => (runs[a].scores.performance ?? 0) - (runs[b].scores.performance ?? 0) || runs[a].metrics.lcpMs - runs[b].metrics.lcpMs);
  const median = order[Math.floor(order.length / 2)];
  const lhr = lhrs[median];
  return {
    version: lhr.lighthouseVersion,
    runs,
    median,
    ...runs[median],
    failing: {
      accessibility: failingAudits(lhr, "accessibility"),
      "best-practices": failingAudits(lhr, "best-practices"),
      seo: failingAudits(lhr, "seo"),
    },
    opportunities: opportunities(lhr),
    context: context(lhr).filter((c) => !opportunities(lhr).some((o) => o.id === c.id)),
    errored: Object.values(lhr.audits).filter((a) => a.scoreDisplayMode === "error").map((a) => `${a.id}: ${a.errorMessage ?? "?"}`),
    warnings: lhr.runWarnings,
  };
}

const fmt = (s: number | null) => (s === null ? "-" : s.toFixed(2));

function summarise(lhr: Result): RunSummary {
  const n = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null])) as Record<Category, number | null>,
    metrics: {
      lcpMs: n("largest-contentful-paint"),
      tbtMs: n("total-blocking-time"),
      fcpMs: n("first-contentful-paint"),
      cls: n("cumulative-layout-shift"),
      speedIndexMs: n("speed-index"),
    },
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
  };
}

/** Modes whose score says pass or fail; informative, manual and n/a audits say neither. */
const SCORED = new Set(["binary", "numeric", "metricSavings"]);

function failingAudits(lhr: Result, category: Category): Finding[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && SCORED.has(a.scoreDisplayMode) && a.score !== null && a.score < 1)
    .map((a) => finding(a));
}

function opportunities(lhr: Result): Finding[] {
  const savings = (a: Result["audits"][string]) => {
    const d = a.details as { overallSavingsMs?: number } | undefined;
    const m = a.metricSavings ?? {};
    return Math.max(d?.overallSavingsMs ?? 0, m.LCP ?? 0, m.FCP ?? 0, m.TBT ?? 0);
  };
  return (lhr.categories.performance?.auditRefs ?? [])
    .filter((ref) => ref.group !== "metrics" && ref.group !== "hidden")
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && SCORED.has(a.scoreDisplayMode) && a.score !== null && a.score < 1)
    .sort((a, b) => savings(b) - savings(a) || (a.score ?? 0) - (b.score ?? 0))
    .slice(0, 10)
    .map((a) => finding(a));
}

const CONTEXT = ["largest-contentful-paint-element", "lcp-lazy-loaded", "render-blocking-resources", "bootup-time", "mainthread-work-breakdown", "long-tasks", "total-byte-weight", "dom-size", "server-response-time"];

function context(lhr: Result): Finding[] {
  return CONTEXT.map((id) => lhr.audits[id])
    .filter((a) => a && a.scoreDisplayMode !== "notApplicable" && a.scoreDisplayMode !== "error")
    .map((a) => finding(a, 4));
}

function finding(a: Result["audits"][string], maxItems = 6): Finding {
  const f: Finding = { id: a.id, title: a.title, score: a.score, items: describeItems(a.details).slice(0, maxItems) };
  if (a.displayValue) f.value = a.displayValue;
  if (a.explanation) f.explanation = a.explanation;
  if (a.scoreDisplayMode === "error") f.explanation = `audit error: ${a.errorMessage ?? "unknown"}`;
  return f;
}

type Item = Record<string, unknown>;

/** One short line per detail item: the selector, URL or source line someone would fix. */
export function describeItems(details: unknown): string[] {
  const d = details as { type?: string; items?: Item[] } | undefined;
  if (!d?.items) return [];
  // A list (the LCP element's) holds tables: describe each of them.
  if (d.type === "list") return d.items.flatMap((t) => describeItems(t));
  return d.items.map(describeItem).filter((s): s is string => !!s);
}

function describeItem(it: Item): string | null {
  const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(Math.round(v * 10) / 10) : "");
  const node = it.node as { selector?: string; nodeLabel?: string; snippet?: string; explanation?: string } | undefined;
  // `source` is a string ("network") in errors-in-console, an object in other audits.
  const source = (typeof it.sourceLocation === "object" ? it.sourceLocation : typeof it.source === "object" ? it.source : undefined) as { url?: string; line?: number } | undefined;
  const parts: string[] = [];
  if (node) {
    const where = node.selector || node.snippet || "";
    // axe's explanation: "Fix any of the following:" and then the reasons, one a line.
    const why = (node.explanation ?? "").split("\n").map((l) => l.trim()).filter((l) => l && !/^Fix (any|all) of the following:?$/.test(l));
    parts.push(where, node.nodeLabel && node.nodeLabel !== where ? `“${node.nodeLabel.slice(0, 40)}”` : "", why.join("; "));
  }
  if (typeof it.url === "string") parts.push(shortUrl(it.url));
  if (typeof it.scriptUrl === "string") parts.push(shortUrl(it.scriptUrl));
  if (source?.url) parts.push(`${shortUrl(source.url)}${source.line !== undefined ? `:${source.line}` : ""}`);
  if (typeof it.href === "string") parts.push(`href=${it.href}`);
  if (typeof it.text === "string") parts.push(`“${it.text}”`);
  if (typeof it.description === "string") parts.push(it.description);
  if (typeof it.phase === "string") parts.push(`${it.phase} ${str(it.timing)} ms`);
  if (typeof it.groupLabel === "string") parts.push(`${it.groupLabel} ${str(it.duration)} ms`);
  if (typeof it.wastedMs === "number") parts.push(`${Math.round(it.wastedMs)} ms`);
  else if (typeof it.total === "number" && typeof it.scripting === "number") parts.push(`${Math.round(it.total)} ms (script ${Math.round(it.scripting)} ms)`);
  else if (typeof it.duration === "number" && typeof it.startTime === "number") parts.push(`${Math.round(it.duration)} ms at ${Math.round(it.startTime)} ms`);
  if (typeof it.wastedBytes === "number") parts.push(`${(it.wastedBytes / 1024).toFixed(1)} KB wasted`);
  else if (typeof it.totalBytes === "number") parts.push(`${(it.totalBytes / 1024).toFixed(1)} KB`);
  if (typeof it.statistic === "string") parts.push(`${it.statistic}: ${str((it.value as { value?: unknown } | undefined)?.value ?? it.value)}`);
  const line = parts.filter(Boolean).join(" · ");
  return line ? line.slice(0, 220) : null;
}

/** Same-site URLs as paths: the host is the audit server's. */
function shortUrl(u: string): string {
  try {
    const url = new URL(u);
    return url.hostname === "127.0.0.1" ? `${url.pathname}${url.search}` : u;
  } catch {
    return u;
  }
}
