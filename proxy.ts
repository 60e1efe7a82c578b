// Runs only on the paths in `config.matcher`: permanent redirects from non-canonical URL
// forms, 410 Gone for articles in the bin, the reader's 404 page for an article that does not
// exist, and the newsroom's per-request CSP nonce. The App Router cannot answer 410 from a page,
// and doing it here also keeps an older cached copy of a deleted article from being served.
import { NextResponse, type NextRequest } from "next/server";
import { isGone } from "@/lib/data/gone";
import { isMissingArticle } from "@/lib/data/article-exists";
import { checkSearchLimit } from "@/lib/data/search-limit";
import { tooManySearchesResponse } from "@/lib/limits/too-many";
import { adminCsp } from "@/lib/http/security-headers.mjs";
import { articleIdFromPath, canonicalRedirect } from "@/lib/seo/canonical";
import { goneResponse, notFoundResponse } from "@/lib/seo/status-page";
import { absoluteUrl, SEARCH_PATH } from "@/lib/urls";

/** An article document's address, whatever follows /articles/ (a comments page has more). */
const ARTICLE_DOCUMENT = /^\/articles\/[^/]+$/;

export async function proxy(req: NextRequest) {
  const { pathname, searchParams } = req.nextUrl;
  if (pathname === SEARCH_PATH) {
    const verdict = await checkSearchLimit(req.headers, searchParams.get("q"));
    return verdict.ok ? NextResponse.next() : tooManySearchesResponse(verdict.retryAfter, searchParams.get("q") ?? "");
  }
  if (pathname === "/admin" || pathname.startsWith("/admin/")) return withNonce(req);
  const to = canonicalRedirect(pathname, searchParams);
  // On SITE_URL, never on the request's Host or X-Forwarded-Host, which a client may forge.
  if (to) return NextResponse.redirect(absoluteUrl(to), 301);
  const id = articleIdFromPath(pathname);
  if (id !== null && (await isGone(id))) return goneResponse();
  // The reader's 404 page, server-rendered, for an article that does not exist or an address
  // that cannot name one (lib/data/article-exists.ts says why the page cannot do it itself).
  if (id !== null ? await isMissingArticle(id) : ARTICLE_DOCUMENT.test(pathname)) return notFoundResponse();
  return NextResponse.next();
}

/** Newsroom pages are rendered per request, so they can have a strict nonce policy: Next reads
 *  the nonce from the request's Content-Security-Policy header and puts it on its scripts. */
function withNonce(req: NextRequest) {
  const csp = adminCsp(Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64"));
  const headers = new Headers(req.headers);
  headers.set("Content-Security-Policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

// Matchers must be literals (Next reads them at build time). Running a proxy at all costs
// about 0.3 ms of CPU per request (measured: a cached article 0.35 → 0.65 ms), so it runs
// only where it has work: article documents (not the router's prefetches, which a deleted
// article answers with the page's 404 anyway), comment pages, the internal list paths,
// `?page=N` lists only in a non-canonical form (page 1, leading zeros), and the newsroom.
export const config = {
  matcher: [
    { source: "/articles/:id", missing: [{ type: "header", key: "next-router-prefetch" }] },
    "/articles/:id/comments/p/:page",
    "/archive/p/:page",
    "/categories/:slug/p/:page",
    { source: "/archive", has: [{ type: "query", key: "page", value: "(?:1|0\\d*)" }] },
    { source: "/categories/:slug", has: [{ type: "query", key: "page", value: "(?:1|0\\d*)" }] },
    // Searches, counted per address (lib/data/search-limit.ts); a prefetch renders no results.
    { source: "/search", missing: [{ type: "header", key: "next-router-prefetch" }] },
    "/admin",
    "/admin/:path*",
  ],
};
