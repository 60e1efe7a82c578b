// The measurements of one benchmark run, in the order they must happen: cold renders
// before anything warms the caches, wrk runs against Next, the reader's download sizes,
// search latency, writes (comments, views, an editor's edit) and nginx.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { BROWSER_HEADERS, wrk, type WrkRun } from "./wrk";
import { firstRenders, pageWeight, scriptUrls, sequential, timedGet, type FirstRender, type PageWeight, type Sequential } from "./probe";
import type { Facts } from "./facts";
import type { QueryStats, QueryTop } from "./query-stats";
import type { Row } from "./report";
import type { ToolPaths } from "./tools";
import { startNginx } from "./nginx";
import { cpuMs, treeRssMb } from "./process-stats";
import { postComments, type CommentResult } from "./comments";
import { editVisible, type EditResult } from "./edit";
import { SEARCH_WORDS, searchQueries, searchWordQueries } from "./search-words";
import { measureScale, type Scale } from "./scale";

export type Context = {
  args: { quick: boolean; seconds: number; nginxPort: number };
  tmp: string;
  baseUrl: string;
  databaseUrl: string;
  facts: Facts;
  stats: QueryStats | null;
  tools: ToolPaths;
  distDir: string;
  serverPid: number;
  env: NodeJS.ProcessEnv;
  log: (m: string) => void;
};

export type Measured = {
  features: { search: boolean; captcha: boolean; admin: boolean };
  floorAsset: { path: string; bytes: number };
  rows: Row[];
  firstRender: Record<"archive" | "section" | "archive middle" | "section middle", FirstRender>;
  scale: Scale;
  queriesPerFirstRender: Record<string, { calls: number; ms: number; renderMs: number } | null>;
  topQueries: QueryTop[];
  weights: Record<string, PageWeight>;
  search: { sequentialCold?: Sequential; sequentialRepeat?: Sequential; oneWord?: Sequential; twoWords?: Sequential; note?: string };
  comments: CommentResult;
  edit: EditResult;
};

type Spec = Omit<WrkRun, "connections" | "seconds"> & { key: string; label: string; floor?: string; pathsByConn?: [string[], string[]] };

const CONNECTIONS = [10, 50] as const;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function exists(url: string): Promise<boolean> {
  try {
    const r = await fetch(url, { redirect: "manual" });
    await r.arrayBuffer();
    return r.status < 400;
  } catch {
    return false;
  }
}

export async function measure(ctx: Context): Promise<Measured> {
  const { baseUrl: B, facts: F, log, stats } = ctx;
  const slug = encodeURIComponent(F.section.slug);
  const archiveUrl = (p: number) => `${B}/archive?page=${p}`;
  const sectionUrl = (p: number) => (p === 1 ? `${B}/categories/${slug}` : `${B}/categories/${slug}?page=${p}`);
  const n = ctx.args.quick ? 5 : 7;
  const span = (from: number, step: number) => Array.from({ length: n }, (_, i) => from + i * step);

  // Warm the route code (not the pages measured below): the first request of a process
  // loads modules and opens database connections.
  for (let i = 0; i < 3; i++) await timedGet(`${B}/api/health`);
  await timedGet(archiveUrl(Math.floor(F.archiveLastPage / 3)));
  await timedGet(sectionUrl(Math.floor(F.section.lastPage / 3)));

  log(`first renders: archive pages 2.. vs ${F.archiveLastPage}.., section "${F.section.name}" 1.. vs ${F.section.lastPage}..`);
  const firstRender = {
    archive: await firstRenders(archiveUrl, span(2, 1), span(F.archiveLastPage, -1)),
    section: await firstRenders(sectionUrl, span(1, 1), span(F.section.lastPage, -1)),
    // The middle is the farthest from both ends of the list: compared with front pages not
    // yet asked for (cold as well).
    "archive middle": await firstRenders(archiveUrl, span(2 * n + 10, 1), span(Math.floor(F.archiveLastPage / 2), 1)),
    "section middle": await firstRenders(sectionUrl, span(2 * n + 10, 1), span(Math.floor(F.section.lastPage / 2), 1)),
  };
  // Sitemaps, feeds, cold article renders, publish → visible, database size (bench/lib/scale.ts).
  const scale = await measureScale(ctx);

  const features = {
    search: (await fetch(`${B}/search?q=${encodeURIComponent("경제")}`)).status === 200,
    captcha: await exists(`${B}/api/captcha`),
    admin: await exists(`${B}/admin/login`),
  };
  log(`present: search ${features.search}, comments captcha ${features.captcha}, admin ${features.admin}`);

  // Queries one cold render costs, per page kind (fresh URLs nothing has requested).
  const queriesPerFirstRender: Measured["queriesPerFirstRender"] = {};
  const coldUrls: Record<string, string> = {
    article: `${B}/articles/${F.cold[0]}`,
    "section page": sectionUrl(n + 2),
    "archive page": archiveUrl(n + 3),
    "archive last page": archiveUrl(F.archiveLastPage - n - 1),
  };
  if (features.search) coldUrls.search = `${B}/search?q=${encodeURIComponent("농업 기술")}`;
  for (const [kind, url] of Object.entries(coldUrls)) {
    if (!stats) break;
    await stats.reset();
    const r = await timedGet(url);
    await pause(200);
    queriesPerFirstRender[kind] = { ...(await stats.count()), renderMs: Math.round(r.ms) };
  }

  // What a first visit downloads, and the static asset used as the floor: the page's own
  // script chunk closest in size to the article page, so both answers carry similar bytes.
  const article = `/articles/${F.newest[0]}`;
  const weights: Record<string, PageWeight> = {};
  const assets = new Map<string, number>();
  const kinds: Record<string, string> = { home: "/", article, section: `/categories/${slug}`, archive: "/archive?page=2" };
  if (features.search) kinds.search = `/search?q=${encodeURIComponent("경제")}`;
  for (const [kind, path] of Object.entries(kinds)) weights[kind] = await pageWeight(B, path, assets);
  const articleBytes = (await timedGet(B + article)).bytes;
  let floorAsset = { path: "", bytes: Infinity };
  for (const src of await scriptUrls(B + article)) {
    const bytes = (await (await fetch(B + src)).arrayBuffer()).byteLength;
    if (Math.abs(bytes - articleBytes) < Math.abs(floorAsset.bytes - articleBytes)) floorAsset = { path: src, bytes };
  }
  if (!floorAsset.path) throw new Error("the article page links no script chunk to use as the static floor");

  const views = F.spread[0].map((id) => `/api/views/${id}`);
  const specs: Spec[] = [
    { key: "static", label: `static asset (Next) ${Math.round(floorAsset.bytes / 1024)} KB`, url: B + floorAsset.path },
    { key: "home", label: "home /", url: `${B}/`, floor: "static" },
    { key: "article", label: `article ${article}`, url: B + article, floor: "static" },
    {
      key: "article-spread",
      label: `article, ${F.spread[0].length} ids in turn (cold)`,
      url: B,
      pathsByConn: [F.spread[0].map((id) => `/articles/${id}`), F.spread[1].map((id) => `/articles/${id}`)],
      floor: "static",
    },
    { key: "section-1", label: `section /categories/${F.section.slug}`, url: sectionUrl(1), floor: "static" },
    { key: "section-last", label: `section last page ?page=${F.section.lastPage}`, url: sectionUrl(F.section.lastPage), floor: "static" },
    { key: "archive-2", label: "archive ?page=2", url: archiveUrl(2), floor: "static" },
    { key: "archive-last", label: `archive last page ?page=${F.archiveLastPage}`, url: archiveUrl(F.archiveLastPage), floor: "static" },
  ];
  if (features.search) {
    for (const q of SEARCH_WORDS.bench) specs.push({ key: `search:${q}`, label: `search "${q}"`, url: `${B}/search?q=${encodeURIComponent(q)}`, floor: "static" });
  }
  specs.push({ key: "views", label: "조회 beacon POST /api/views/{id}", url: B, paths: views, method: "POST", floor: "static" });
  specs.push(specs[0]); // the floor again at the end: the mean of both absorbs drift in machine load

  const rows: Row[] = [];
  await stats?.reset(); // from here on: statements counted as deltas, the top list over all runs
  for (const s of specs) {
    if (!s.paths && !s.pathsByConn && s.method !== "POST") {
      const w = await timedGet(s.url);
      if (w.status !== 200) throw new Error(`${s.url} answered ${w.status}`);
    }
    for (const [i, c] of CONNECTIONS.entries()) {
      const before = stats ? (await stats.count()).calls : 0;
      const cpu0 = cpuMs(ctx.serverPid);
      const result = await wrk({ ...s, paths: s.pathsByConn?.[i] ?? s.paths, connections: c, seconds: ctx.args.seconds }, ctx.tmp);
      const cpu = cpuMs(ctx.serverPid) - cpu0;
      const calls = stats ? (await stats.count()).calls - before : null;
      const per = (x: number) => (result.requests ? Math.round((x / result.requests) * 100) / 100 : undefined);
      rows.push({ key: s.key, label: s.label, connections: c, floor: s.floor, result, queriesPerRequest: calls === null ? undefined : per(calls), cpuMsPerRequest: per(cpu), rssMb: treeRssMb(ctx.serverPid) });
      log(`${s.label} c${c}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms, ${result.errors} errors`);
      await pause(500);
    }
  }
  const topQueries = stats ? await stats.top(8) : [];

  // Search latency as one reader sees it: distinct queries (nothing cached), one at a time.
  const search: Measured["search"] = {};
  if (features.search) {
    const qs = searchQueries(ctx.args.quick ? 60 : 200);
    const url = (q: string) => `${B}/search?q=${encodeURIComponent(q)}`;
    search.sequentialCold = await sequential(qs.map(url));
    // The same, apart: one two-syllable word, and two of them (README, Search).
    search.oneWord = await sequential(searchWordQueries(1, ctx.args.quick ? 30 : 100).map(url));
    search.twoWords = await sequential(searchWordQueries(2, ctx.args.quick ? 30 : 100).map(url));
    search.sequentialRepeat = await sequential(qs.map((_, i) => `${B}/search?q=${encodeURIComponent(SEARCH_WORDS.bench[i % SEARCH_WORDS.bench.length])}`));
  } else search.note = "not measured: GET /search?q=경제 is not 200";

  const comments = features.captcha
    ? await postComments(ctx, F.newest[2], ctx.args.quick ? 20 : 50)
    : ({ note: "not measured: /api/captcha missing" } as CommentResult);

  // nginx with the production config in front of the same server.
  // nginx's floor is the article page itself saved as a static file (with its .gz beside it,
  // as gzip_static serves it): the same bytes the micro-cache answers with.
  log("nginx: deploy/nginx/portal.conf in front of the server");
  const floorRoot = join(ctx.tmp, "nginx-floor");
  mkdirSync(floorRoot, { recursive: true });
  const articleHtml = await (await fetch(B + article, { headers: BROWSER_HEADERS })).text();
  writeFileSync(join(floorRoot, "article.html"), articleHtml);
  writeFileSync(join(floorRoot, "article.html.gz"), gzipSync(articleHtml, { level: 9 }));
  precompress(join(ctx.distDir, "static")); // the deploy step deploy/README.md asks for
  const nginx = await startNginx({
    nginx: ctx.tools.nginx,
    tmp: ctx.tmp,
    appPorts: [Number(new URL(B).port)],
    port: ctx.args.nginxPort,
    staticPort: ctx.args.nginxPort + 1,
    staticRoot: floorRoot,
    nextStatic: join(ctx.distDir, "static"),
  });
  let edit: EditResult;
  try {
    const nginxSpecs: Spec[] = [
      { key: "nginx-static", label: "nginx: the article page as a static file", url: `${nginx.staticUrl}/article.html` },
      { key: "nginx-article", label: `nginx: article ${article} (micro-cache)`, url: nginx.portalUrl + article, floor: "nginx-static" },
      { key: "nginx-home", label: "nginx: home / (micro-cache)", url: `${nginx.portalUrl}/`, floor: "nginx-static" },
      { key: "nginx-next-static", label: "nginx: /_next/static via portal.conf", url: nginx.portalUrl + floorAsset.path, floor: "nginx-static" },
    ];
    if (features.search) {
      const q = encodeURIComponent(SEARCH_WORDS.bench[0]);
      nginxSpecs.push({ key: "nginx-search", label: `nginx: search "${SEARCH_WORDS.bench[0]}" (micro-cache)`, url: `${nginx.portalUrl}/search?q=${q}`, floor: "nginx-static" });
    }
    for (const s of nginxSpecs) {
      for (let i = 0; i < 2; i++) await timedGet(s.url);
      for (const c of CONNECTIONS) {
        const result = await wrk({ ...s, connections: c, seconds: ctx.args.seconds }, ctx.tmp);
        rows.push({ key: s.key, label: s.label, connections: c, floor: s.floor, result });
        log(`${s.label} c${c}: ${result.rps.toFixed(0)} req/s, ${result.errors} errors`);
        await pause(500);
      }
    }
    edit = features.admin
      ? await editVisible(ctx, F.newest[1], nginx.portalUrl)
      : { note: "not measured: admin missing (/admin/login is not 200)" };
  } finally {
    await nginx.stop();
  }
  const errorLog = join(ctx.tmp, "nginx", "error.log");
  const nginxErrors = readFileSync(errorLog, "utf8").split("\n").filter((l) => /\[(error|crit|alert|emerg)\]/.test(l));
  if (nginxErrors.length) log(`nginx error log:\n${nginxErrors.slice(0, 5).join("\n")}`);

  return { features, floorAsset, rows, firstRender, scale, queriesPerFirstRender, topQueries, weights, search, comments, edit };
}

/** gzip -9 copies beside the build's JS and CSS, for nginx's gzip_static. */
function precompress(dir: string) {
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    if (/\.(js|css)$/.test(f)) writeFileSync(join(dir, `${f}.gz`), gzipSync(readFileSync(join(dir, f)), { level: 9 }));
  }
}
