// Single-request measurements: first (uncached) render times, sequential latency
// percentiles, and what a reader's browser downloads for a page.
import { gzipSync } from "node:zlib";
import { BROWSER_HEADERS } from "./wrk";

export type Timed = { ms: number; status: number; bytes: number; cache: string | null };

export async function timedGet(url: string, headers: Record<string, string> = {}): Promise<Timed> {
  const t = performance.now();
  const r = await fetch(url, { headers: { ...BROWSER_HEADERS, ...headers }, redirect: "manual" });
  const body = await r.arrayBuffer();
  return { ms: performance.now() - t, status: r.status, bytes: body.byteLength, cache: r.headers.get("x-nextjs-cache") };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return Math.round(s[i] * 100) / 100;
}

export const median = (v: number[]) => percentile(v, 50);

export type FirstRender = { near: { page: number; ms: number }[]; far: { page: number; ms: number }[]; nearMedian: number; farMedian: number; ratio: number };

/**
 * First renders of pages near the front vs near the end of a list, interleaved so that
 * drift in the machine's load falls on both sides alike. Each page number is requested
 * once, so each is a cache miss.
 */
export async function firstRenders(url: (page: number) => string, nearPages: number[], farPages: number[]): Promise<FirstRender> {
  const near: FirstRender["near"] = [];
  const far: FirstRender["far"] = [];
  for (let i = 0; i < Math.max(nearPages.length, farPages.length); i++) {
    for (const [pages, out] of [[nearPages, near], [farPages, far]] as const) {
      const page = pages[i];
      if (page === undefined) continue;
      const r = await timedGet(url(page));
      if (r.status !== 200) throw new Error(`${url(page)} answered ${r.status}`);
      out.push({ page, ms: Math.round(r.ms * 10) / 10 });
    }
  }
  const nearMedian = median(near.map((x) => x.ms));
  const farMedian = median(far.map((x) => x.ms));
  return { near, far, nearMedian, farMedian, ratio: Math.round((farMedian / nearMedian) * 100) / 100 };
}

export type Sequential = { n: number; p50: number; p95: number; p99: number; max: number; errors: number };

/** Requests the URLs one after another (one reader, no queueing) and takes percentiles. */
export async function sequential(urls: string[]): Promise<Sequential> {
  const ms: number[] = [];
  let errors = 0;
  for (const u of urls) {
    const r = await timedGet(u);
    if (r.status >= 400) errors++;
    ms.push(r.ms);
  }
  return { n: urls.length, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), max: percentile(ms, 100), errors };
}

export type PageWeight = {
  htmlGzipKb: number;
  jsGzipKb: number; // first-load JS: every <script src> of the page, gzip'd
  jsFiles: number;
  inlineScriptGzipKb: number; // the RSC payload Next inlines into the HTML
  cssGzipKb: number;
};

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

/** What a first visit downloads for one page, gzip sizes as a browser would get them. */
export async function pageWeight(origin: string, path: string, assetCache: Map<string, number>): Promise<PageWeight> {
  const r = await fetch(origin + path, { headers: BROWSER_HEADERS });
  if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
  const html = await r.text();
  const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]+)"`))?.[1];
  const scripts = new Set<string>();
  const styles = new Set<string>();
  let inline = "";
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = attr(m[1], "src");
    // noModule scripts (Next's polyfills) are never fetched by the browsers that run modules.
    if (src && !/\snomodule/i.test(m[1])) scripts.add(src);
    else if (!src) inline += m[2];
  }
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    if (/rel="stylesheet"/.test(m[0])) styles.add(attr(m[0], "href")!);
  }
  const gz = async (u: string) => {
    if (!assetCache.has(u)) {
      const a = await fetch(new URL(u.replace(/&amp;/g, "&"), origin + "/"));
      assetCache.set(u, gzipSync(Buffer.from(await a.arrayBuffer())).byteLength);
    }
    return assetCache.get(u)!;
  };
  let js = 0;
  for (const s of scripts) js += await gz(s);
  let css = 0;
  for (const s of styles) css += await gz(s);
  return {
    htmlGzipKb: kb(gzipSync(html).byteLength),
    jsGzipKb: kb(js),
    jsFiles: scripts.size,
    inlineScriptGzipKb: kb(gzipSync(inline).byteLength),
    cssGzipKb: kb(css),
  };
}

/** Script chunk URLs of a page (to pick a static asset served by the same server). */
export async function scriptUrls(url: string): Promise<string[]> {
  const html = await (await fetch(url, { headers: BROWSER_HEADERS })).text();
  return [...html.matchAll(/<script\b([^>]*)>/g)]
    .filter((m) => !/\snomodule/i.test(m[1]))
    .map((m) => m[1].match(/\ssrc="([^"]+)"/)?.[1])
    .filter((s): s is string => !!s)
    .map((s) => s.replace(/&amp;/g, "&"));
}
