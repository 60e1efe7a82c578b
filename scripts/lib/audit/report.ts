// The audit's table, its PASS/MISS against the targets and the lists of what to fix.
import type { LcpElement } from "./lcp-element";
import type { PageLighthouse } from "./lighthouse";
import type { NuReport } from "./nu-checker";
import type { AuditPage } from "./pages";
import type { PageWeight } from "./page-weight";

export const TARGETS = { performance: 0.95, accessibility: 1, "best-practices": 1, seo: 1, nuErrors: 0 } as const;

export type PageResult = Omit<AuditPage, "runLighthouse"> & {
  url: string;
  status: number;
  weight: PageWeight;
  nu: NuReport;
  lcpElement: LcpElement | null;
  lighthouse: PageLighthouse | null;
};

/** The targets a page misses, in words ("perf 0.91 < 0.95"); empty when it meets them all. */
export function misses(p: PageResult): string[] {
  const out: string[] = [];
  const s = p.lighthouse?.scores;
  if (s) {
    if ((s.performance ?? 0) < TARGETS.performance) out.push(`perf ${f2(s.performance)} < ${TARGETS.performance}`);
    if ((s.accessibility ?? 0) < 1) out.push(`a11y ${f2(s.accessibility)}`);
    if ((s["best-practices"] ?? 0) < 1) out.push(`BP ${f2(s["best-practices"])}`);
    if ((s.seo ?? 0) < 1) out.push(`SEO ${f2(s.seo)}`);
  }
  if (p.nu.errors.length > TARGETS.nuErrors) out.push(`${p.nu.errors.length} Nu error(s)`);
  return out;
}

const f2 = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toFixed(2));
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "—" : `${Math.round(n)}`);

export function table(results: PageResult[]): string {
  const head = ["page", "perf", "a11y", "BP", "SEO", "LCP ms", "TBT ms", "HTML KB (gz)", "JS KB gz", "RSC payload KB", "Nu errors", "result"];
  const rows = results.map((p) => {
    const l = p.lighthouse;
    const m = misses(p);
    return [
      p.kind,
      f2(l?.scores.performance),
      f2(l?.scores.accessibility),
      f2(l?.scores["best-practices"]),
      f2(l?.scores.seo),
      ms(l?.metrics.lcpMs),
      ms(l?.metrics.tbtMs),
      `${kb(p.weight.html.bytes)} (${kb(p.weight.html.gzip)})`,
      kb(p.weight.js.gzip),
      kb(p.weight.rsc.bytes),
      String(p.nu.errors.length),
      m.length === 0 ? "PASS" : `MISS: ${m.join(", ")}`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === r.length - 1 ? c.padEnd(widths[i]) : c.padStart(i === 0 ? 0 : widths[i]).padEnd(widths[i]))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 || i === widths.length - 1 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  const targets = `targets: perf ≥ ${TARGETS.performance}, a11y = BP = SEO = 1.00, Nu errors = 0 (Lighthouse mobile, simulated throttling; the run of the median perf score)`;
  return [line(head), rule, ...rows.map(line), "", targets].join("\n");
}

/** Per page: URL, metrics, failing audits, performance opportunities, Nu messages. */
export function details(results: PageResult[]): string {
  const out: string[] = [];
  for (const p of results) {
    out.push(`\n## ${p.kind}: ${p.path}${p.note ? ` (${p.note})` : ""} — HTTP ${p.status}`);
    const w = p.weight;
    out.push(
      `weight: HTML ${kb(w.html.bytes)} KB (${kb(w.html.gzip)} gz), of which RSC payload ${kb(w.rsc.bytes)} KB in ${w.rsc.scripts} scripts (${pct(w.rsc.bytes, w.html.bytes)} of the HTML); ` +
        `JS ${w.js.files.length} files ${kb(w.js.bytes)} KB (${kb(w.js.gzip)} gz; largest ${largest(w.js.files)}), nomodule polyfills ${kb(w.noModuleJs.gzip)} KB gz not counted; CSS ${w.css.files} files ${kb(w.css.bytes)} KB (${kb(w.css.gzip)} gz)`,
    );
    const l = p.lighthouse;
    if (l) {
      const m = l.metrics;
      out.push(
        `median run ${l.median + 1}/${l.runs.length}: FCP ${ms(m.fcpMs)} ms, LCP ${ms(m.lcpMs)} ms, TBT ${ms(m.tbtMs)} ms, CLS ${m.cls.toFixed(3)}, Speed Index ${ms(m.speedIndexMs)} ms; ` +
          `perf per run: ${l.runs.map((r) => f2(r.scores.performance)).join(", ")}; CPU benchmark per run: ${l.runs.map((r) => r.benchmarkIndex).join(", ")}`,
      );
      const e = p.lcpElement;
      if (e) {
        const attrs = [e.loading && `loading=${e.loading}`, e.fetchPriority && `fetchpriority=${e.fetchPriority}`].filter(Boolean).join(" ");
        out.push(`LCP element: ${e.element}${e.url ? ` ${shortPath(e.url)}` : " (text)"}${attrs ? ` [${attrs}]` : ""}, ${Math.round(e.size)} px², painted at ${e.renderMs} ms unthrottled`);
      }
      for (const [cat, list] of Object.entries(l.failing)) {
        if (list.length === 0) continue;
        out.push(`${cat}, not passed:`);
        for (const f of list) out.push(...findingLines(f));
      }
      if (l.opportunities.length) {
        out.push("performance, opportunities and diagnostics:");
        for (const f of l.opportunities) out.push(...findingLines(f));
      }
      if (l.context.length) {
        out.push("performance, context:");
        for (const f of l.context) out.push(...findingLines(f));
      }
      if (l.errored.length) out.push(`lighthouse could not compute: ${l.errored.map((x) => x.split(":")[0]).join(", ")} (${l.errored[0].split(": ").slice(1).join(": ").slice(0, 200)})`);
      for (const wrn of l.warnings) out.push(`lighthouse warning: ${wrn}`);
    }
    const nu = p.nu;
    out.push(`Nu: ${nu.errors.length} error(s), ${nu.warnings.length} warning(s), ${nu.info.length} info`);
    for (const e of nu.errors) out.push(`  error L${e.line ?? "?"}: ${e.message}${e.extract ? `\n      ${oneLine(e.extract)}` : ""}`);
    for (const e of nu.warnings) out.push(`  warning L${e.line ?? "?"}: ${e.message}${e.extract ? `\n      ${oneLine(e.extract)}` : ""}`);
  }
  return out.join("\n");
}

function findingLines(f: { id: string; title: string; score: number | null; value?: string; explanation?: string; items: string[] }): string[] {
  const head = `  - ${f.id} (${f2(f.score)}): ${f.title}${f.value ? ` — ${f.value}` : ""}`;
  return [head, ...(f.explanation ? [`      ${oneLine(f.explanation).slice(0, 240)}`] : []), ...f.items.map((i) => `      · ${oneLine(i)}`)];
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 240);
const pct = (a: number, b: number) => `${Math.round((100 * a) / Math.max(b, 1))}%`;

function shortPath(u: string): string {
  try {
    const url = new URL(u);
    return `${url.pathname}${url.search}`;
  } catch {
    return u;
  }
}

const largest = (files: { src: string; gzip: number }[]) =>
  [...files].sort((a, b) => b.gzip - a.gzip).slice(0, 3).map((f) => `${f.src.split("/").pop()} ${kb(f.gzip)}`).join(", ");
