// Turns one run's measurements into the printed report and bench/results/<time>.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Measured } from "./measure";
import type { MemoryReport } from "./process-stats";
import { table, targetLines, withRatios, type Row, type Target } from "./report";

type Input = { result: Measured; memory: MemoryReport; meta: Record<string, unknown> };

const RESULTS = join(import.meta.dirname, "..", "results");

function pageTarget(rows: Row[], key: string, name: string, min: number): Target {
  const r = rows.filter((x) => x.key === key);
  if (r.length === 0 || r.some((x) => x.ratio === undefined)) return { name, measured: "-", goal: `>= ${min} of floor`, pass: null, note: "not measured" };
  const c50 = r.find((x) => x.connections === 50)!;
  const errors = c50.result!.errors;
  return {
    name,
    measured: `${r.map((x) => x.ratio!.toFixed(2)).join(" / ")} (c${r.map((x) => x.connections).join("/c")}), ${errors} err`,
    goal: `>= ${min} of floor, 0 errors at c50`,
    pass: r.every((x) => x.ratio! >= min) && errors === 0,
    note: r.every((x) => x.cpuRatio !== undefined) ? `by CPU per answer: ${r.map((x) => x.cpuRatio!.toFixed(2)).join(" / ")}` : undefined,
  };
}

export function targets(x: Measured, rows: Row[], memory: MemoryReport): Target[] {
  const t: Target[] = [
    pageTarget(rows, "article", "article page req/s vs static asset", 0.6),
    pageTarget(rows, "home", "home page req/s vs static asset", 0.6),
    pageTarget(rows, "section-1", "section page 1 req/s vs static asset", 0.6),
    pageTarget(rows, "section-last", "section last page req/s vs static asset", 0.6),
  ];
  const fr = x.firstRender;
  t.push({
    name: "archive last page first render vs page 2",
    measured: `${fr.archive.ratio}x (${fr.archive.farMedian} vs ${fr.archive.nearMedian} ms)`,
    goal: "<= 1.5x",
    pass: fr.archive.ratio <= 1.5,
  });
  t.push({
    name: "section last page first render vs page 1",
    measured: `${fr.section.ratio}x (${fr.section.farMedian} vs ${fr.section.nearMedian} ms)`,
    goal: "<= 1.5x",
    pass: fr.section.ratio <= 1.5,
  });
  for (const k of ["archive middle", "section middle"] as const) {
    const m = x.firstRender[k];
    t.push({ name: `${k} page first render vs front pages`, measured: `${m.ratio}x (${m.farMedian} vs ${m.nearMedian} ms)`, goal: "<= 1.5x", pass: m.ratio <= 1.5 });
  }
  for (const [k, label] of [["oneWord", "one two-syllable word"], ["twoWords", "two two-syllable words"]] as const) {
    const q = x.search[k];
    if (q) t.push({ name: `search p95, ${label}`, measured: `${q.p95} ms (n=${q.n}, ${q.errors} err)`, goal: "< 100 ms", pass: q.p95 < 100 && q.errors === 0 });
  }
  const pub = x.scale.publish;
  const pubMs = [pub.archiveMs, pub.sectionMs, pub.homeMs];
  t.push(
    pubMs.every((v) => v !== undefined)
      ? { name: "publish -> visible on archive, section, home", measured: `${pubMs.join(" / ")} ms`, goal: "<= 1000 ms", pass: Math.max(...(pubMs as number[])) <= 1000 }
      : { name: "publish -> visible on archive, section, home", measured: "-", goal: "<= 1000 ms", pass: null, note: pub.note ?? "not visible within 15 s" },
  );
  const s = x.search.sequentialCold;
  t.push(
    s
      ? { name: "search p95 (distinct queries, one at a time)", measured: `${s.p95} ms (n=${s.n}, ${s.errors} err)`, goal: "< 100 ms", pass: s.p95 < 100 && s.errors === 0 }
      : { name: "search p95", measured: "-", goal: "< 100 ms", pass: null, note: x.search.note },
  );
  const e = x.edit;
  t.push(
    e.directMs !== undefined
      ? { name: "editor's edit visible on the article page", measured: `${e.directMs} ms${e.nginxMs !== undefined ? ` (via nginx ${e.nginxMs} ms)` : ""}`, goal: "<= 1000 ms", pass: e.directMs <= 1000 }
      : { name: "editor's edit visible on the article page", measured: "-", goal: "<= 1000 ms", pass: null, note: e.note },
  );
  t.push({ name: "server memory at the end of the run (RSS)", measured: `${memory.endRssMb} MB (peak ${memory.peakRssMb})`, goal: "< 500 MB", pass: memory.endRssMb < 500 });
  t.push(pageTarget(rows, "nginx-article", "nginx micro-cached article vs nginx static file", 0.5));
  const js = x.weights.article?.jsGzipKb;
  t.push({ name: "article page first-load JS (gzip)", measured: js === undefined ? "-" : `${js} KB`, goal: "< 120 KB", pass: js === undefined ? null : js < 120 });
  return t;
}

export function printAndSave({ result: x, memory, meta }: Input): string {
  const rows = withRatios(x.rows);
  const goals = targets(x, rows, memory);
  const out: string[] = [];
  const p = (s = "") => out.push(s);
  p();
  p(`== Portal benchmark: ${meta.articles} articles, ${meta.secondsPerRun} s per wrk run, ${meta.cpus} cores ==`);
  p(`floor: ${x.floorAsset.path} (${x.floorAsset.bytes} bytes), served by the same server; "vs floor" = req/s ÷ the floor's at the same connections`);
  p();
  p(table(rows));
  p();
  p("First render (each page number requested once, median ms):");
  for (const [k, f] of Object.entries(x.firstRender))
    p(`  ${k}: front pages ${f.near.map((y) => `${y.page}:${y.ms}`).join(" ")} | end pages ${f.far.map((y) => `${y.page}:${y.ms}`).join(" ")} -> ${f.ratio}x`);
  p();
  p("SQL statements per cold render (pg_stat_statements):");
  for (const [k, q] of Object.entries(x.queriesPerFirstRender)) p(`  ${k}: ${q ? `${q.calls} statements, ${q.ms} ms in PostgreSQL, ${q.renderMs} ms total` : "-"}`);
  p();
  p("What a first visit downloads (gzip KB):  HTML | inline RSC payload | JS (files) | CSS");
  for (const [k, w] of Object.entries(x.weights)) p(`  ${k.padEnd(8)} ${w.htmlGzipKb} | ${w.inlineScriptGzipKb} | ${w.jsGzipKb} (${w.jsFiles}) | ${w.cssGzipKb}`);
  p();
  if (x.search.sequentialCold) {
    const c = x.search.sequentialCold;
    const r = x.search.sequentialRepeat!;
    p(`Search, one request at a time: distinct queries p50 ${c.p50} / p95 ${c.p95} / p99 ${c.p99} ms; repeated queries p50 ${r.p50} / p95 ${r.p95} ms`);
  } else p(`Search: ${x.search.note}`);
  if (x.search.oneWord && x.search.twoWords) {
    const [a, b] = [x.search.oneWord, x.search.twoWords];
    p(`Search by word count: one two-syllable word p50 ${a.p50} / p95 ${a.p95} ms; two words p50 ${b.p50} / p95 ${b.p95} ms`);
  }
  p();
  p("Sitemaps and feeds, first request (ms, KB, server RSS growth while answering):");
  for (const f of x.scale.timings) p(`  ${f.path.padEnd(36)} ${String(f.ms).padStart(6)} ms ${String(f.kb).padStart(8)} KB  +${f.rssGrowthMb} MB  (HTTP ${f.status})`);
  p(`Cold article renders: ${x.scale.cold.map((c) => `${c.perSecond}/s at ${c.concurrency} at a time (n=${c.n}, ${c.errors} err)`).join("; ")}`);
  const pv = x.scale.publish;
  p(pv.note ? `Publish -> visible: ${pv.note}` : `Publish -> visible: archive ${pv.archiveMs} ms, section ${pv.sectionMs} ms, home ${pv.homeMs} ms`);
  const d = x.scale.db;
  p(`Database: ${d.databaseMb} MB for ${d.articles} articles = ${d.bytesPerArticle} bytes per article`);
  for (const tb of d.tables) p(`  table ${tb.name.padEnd(24)} ${String(tb.tableMb).padStart(8)} MB + indexes ${String(tb.indexesMb).padStart(8)} MB = ${tb.bytesPerArticle} B/article`);
  for (const ix of d.indexes) p(`  index ${ix.name.padEnd(60)} ${String(ix.mb).padStart(8)} MB  ${ix.bytesPerArticle} B/article`);
  const cm = x.comments;
  p(cm.n ? `Comment posts (captcha + action, one at a time): n=${cm.n}, p50 ${cm.p50} ms, p99 ${cm.p99} ms, ${cm.errors} errors` : `Comments: ${cm.note}`);
  const biggest = rows.filter((r) => r.rssMb !== undefined).sort((a, b) => b.rssMb! - a.rssMb!)[0];
  p(`Memory of the server process tree: peak ${memory.peakRssMb} MB, end ${memory.endRssMb} MB (${memory.processes} process(es))` + (biggest ? `; largest after a run: ${biggest.rssMb} MB after "${biggest.label}" c${biggest.connections}` : ""));
  if (x.topQueries.length) {
    p();
    p("Most expensive statements over the wrk runs (total ms, calls, mean ms):");
    for (const q of x.topQueries) p(`  ${String(q.totalMs).padStart(7)} ${String(q.calls).padStart(7)} ${String(q.meanMs).padStart(7)}  ${q.query.slice(0, 120)}`);
  }
  p();
  p("Targets:");
  p(targetLines(goals));
  console.log(out.join("\n"));

  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${String(meta.date).replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ meta, targets: goals, ...x, rows, memory }, null, 2) + "\n");
  return file;
}
