// What a page costs a reader before any image: its HTML, the JavaScript files it loads and the
// React Server Components payload Next inlines into the HTML (`self.__next_f.push(...)`).
import { gzipSync } from "node:zlib";
import { Parser } from "htmlparser2";

/** A phone's Chrome: pages are fetched as readers get them. */
export const BROWSER_UA =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36";

export type Size = { bytes: number; gzip: number };
export type PageWeight = {
  html: Size;
  /** `<script src>` files a current browser loads, each fetched once per page. */
  js: Size & { files: { src: string; bytes: number; gzip: number }[] };
  /** `<script nomodule>` files (Next's polyfills): only browsers without modules load them. */
  noModuleJs: Size;
  /** Stylesheets the HTML links (for context; not a target). */
  css: Size & { files: number };
  /** Inline `self.__next_f.push` scripts: the RSC payload, also in the HTML's bytes. */
  rsc: Size & { scripts: number };
  /** Other inline scripts (JSON-LD, Next's bootstrap). */
  otherInlineScripts: Size;
};

export const size = (s: string | Buffer): Size => ({ bytes: Buffer.byteLength(s), gzip: gzipSync(s).length });

export async function fetchPage(url: string): Promise<{ status: number; html: string }> {
  const r = await fetch(url, { headers: { "user-agent": BROWSER_UA, accept: "text/html" }, signal: AbortSignal.timeout(60_000) });
  return { status: r.status, html: await r.text() };
}

type Parsed = { scripts: string[]; noModule: string[]; styles: string[]; inline: string[] };

function parse(html: string): Parsed {
  const out: Parsed = { scripts: [], noModule: [], styles: [], inline: [] };
  let inScript: string | null = null;
  const p = new Parser({
    onopentag(name, attrs) {
      if (name === "script") {
        if (attrs.src) ("nomodule" in attrs ? out.noModule : out.scripts).push(attrs.src);
        else inScript = "";
      }
      if (name === "link" && attrs.rel?.split(/\s+/).includes("stylesheet") && attrs.href) out.styles.push(attrs.href);
    },
    ontext(text) {
      if (inScript !== null) inScript += text;
    },
    onclosetag(name) {
      if (name === "script" && inScript !== null) {
        out.inline.push(inScript);
        inScript = null;
      }
    },
  });
  p.write(html);
  p.end();
  return out;
}

async function fetchBytes(url: string): Promise<Buffer> {
  const r = await fetch(url, { headers: { "user-agent": BROWSER_UA }, signal: AbortSignal.timeout(60_000) });
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return Buffer.from(await r.arrayBuffer());
}

export async function pageWeight(html: string, pageUrl: string): Promise<PageWeight> {
  const parsed = parse(html);
  const uniq = (a: string[]) => [...new Set(a.map((s) => new URL(s, pageUrl).href))];
  const js = await Promise.all(uniq(parsed.scripts).map(async (src) => ({ src: new URL(src).pathname, ...size(await fetchBytes(src)) })));
  const noModule = await Promise.all(uniq(parsed.noModule).map(async (src) => size(await fetchBytes(src))));
  const css = await Promise.all(uniq(parsed.styles).map(async (href) => size(await fetchBytes(href))));
  const rsc = parsed.inline.filter((s) => s.includes("self.__next_f.push"));
  const other = parsed.inline.filter((s) => !s.includes("self.__next_f.push"));
  const sum = (xs: Size[]): Size => ({ bytes: xs.reduce((n, x) => n + x.bytes, 0), gzip: xs.reduce((n, x) => n + x.gzip, 0) });
  return {
    html: size(html),
    js: { ...sum(js), files: js },
    noModuleJs: sum(noModule),
    css: { ...sum(css), files: css.length },
    // Gzipped together: they travel in one response.
    rsc: { ...size(rsc.join("")), scripts: rsc.length },
    otherInlineScripts: size(other.join("")),
  };
}
