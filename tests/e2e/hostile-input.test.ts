// Hostile input against the production build: every row is a URL, method or header a careless
// or malicious client sends, and the status that tells the truth about it (404 for what does
// not exist, 400 for malformed, 405 for a wrong method, 301 to the canonical form, 410 for the
// bin), never a 5xx. Forged Host / X-Forwarded-Host never reach a Location or a canonical link.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { raw } from "./hostile-http";

const base = inject("baseUrl");
// Next's NextURL spells 127.0.0.1 as localhost in the redirects a proxy returns, so on the
// test server SITE_URL has two spellings; on a real domain there is only one.
const ourOrigins = [base, base.replace("127.0.0.1", "localhost")];
const onSite = (loc: string) => (loc.startsWith("/") && !loc.startsWith("//")) || ourOrigins.some((o) => loc.startsWith(`${o}/`));
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
const sql = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await pool.query<T>(text, params)).rows;

const BROKEN = "%E0%A4%A"; // a UTF-8 sequence cut short: decodeURIComponent throws
const LONG = "a".repeat(10_000);
const HUGE = "99999999999999999999";
const fullwidth = (n: number) => [...String(n)].map((d) => encodeURIComponent(String.fromCharCode(0xff10 + Number(d)))).join("");
const JAMO = encodeURIComponent("ㄱㄴ"); // Hangul compatibility jamo, not syllables

type Fx = { id: number; slug: string; key: string; board: string; legacy: number; binned: number; binnedLegacy: number };
type Row = { method?: string; path: (f: Fx) => string; headers?: Record<string, string>; body?: string; status: number; location?: (f: Fx) => string; type?: RegExp };

const rows: Row[] = [
  // Articles
  { path: () => `/articles/${BROKEN}`, status: 400 },
  { path: () => "/articles/%", status: 400 },
  { path: () => "/articles/%zz", status: 400 },
  { path: () => "/articles/abc", status: 404 },
  { path: () => "/articles/0", status: 404 },
  { path: () => "/articles/-1", status: 404 },
  { path: () => "/articles/1.5", status: 404 },
  { path: () => "/articles/1e3", status: 404 },
  { path: () => `/articles/${HUGE}`, status: 404 },
  { path: () => "/articles/2147483648", status: 404 },
  { path: (f) => `/articles/${fullwidth(f.id)}`, status: 404 },
  { path: (f) => `/articles/${f.id}%00`, status: 404 },
  { path: () => "/articles/%00", status: 404 },
  { path: () => "/articles/..%2f..%2fetc%2fpasswd", status: 404 },
  { path: () => "/articles/%2e%2e/%2e%2e/etc/passwd", status: 404 },
  { path: () => `/articles/${LONG}`, status: 404 },
  { path: (f) => `/articles/0${f.id}`, status: 301, location: (f) => `/articles/${f.id}` },
  { path: (f) => `/articles/${f.id}?x=${BROKEN}`, status: 400 },
  { path: (f) => `/articles/${f.id}?q=${LONG}`, status: 200, type: /text\/html/ },
  { path: (f) => `/articles/${f.binned}`, status: 410 },
  { path: (f) => `/articles/00${f.binned}`, status: 301, location: (f) => `/articles/${f.binned}` },
  { method: "PUT", path: (f) => `/articles/${f.id}`, status: 405 },
  { method: "DELETE", path: (f) => `/articles/${f.id}`, status: 405 },
  { method: "PATCH", path: (f) => `/articles/${f.id}`, body: "{}", headers: { "content-type": "application/json" }, status: 405 },
  { method: "POST", path: (f) => `/articles/${f.id}`, body: "junk", headers: { "content-type": "text/plain" }, status: 405 },
  { method: "POST", path: (f) => `/articles/${f.id}`, body: "\u0000\uffff", headers: { "content-type": "application/octet-stream" }, status: 405 },
  { method: "POST", path: (f) => `/articles/${f.id}`, body: "junk", headers: { "next-action": "deadbeef", "content-type": "text/plain" }, status: 400 },
  { method: "POST", path: () => "/", body: "junk", headers: { "next-action": "x'\"<>", "content-type": "text/plain" }, status: 400 },
  // A well-formed action id this build does not know: Next's 409 "Server Action unavailable"
  // (what a page open across a deployment meets), which its client turns into a reload.
  { method: "POST", path: (f) => `/articles/${f.id}`, body: "--x\r\njunk", headers: { "next-action": "0".repeat(42), "content-type": "multipart/form-data; boundary=x" }, status: 409 },
  { method: "OPTIONS", path: (f) => `/articles/${f.id}`, status: 204 },
  { method: "PUT", path: () => "/", status: 405 },
  { path: () => "*", status: 400 },
  { path: (f) => `http://evil.example/articles/0${f.id}`, status: 301, location: (f) => `/articles/${f.id}` },
  { path: () => "//evil.example/x", status: 308, location: () => "/evil.example/x" },
  // Comment pages
  { path: (f) => `/articles/${f.id}/comments/p/1`, status: 301, location: (f) => `/articles/${f.id}#comments` },
  { path: (f) => `/articles/${f.id}/comments/p/0`, status: 404 },
  { path: (f) => `/articles/${f.id}/comments/p/-1`, status: 404 },
  { path: (f) => `/articles/${f.id}/comments/p/${HUGE}`, status: 404 },
  { path: (f) => `/articles/${f.id}/comments/p/abc`, status: 404 },
  { path: (f) => `/articles/${f.id}/comments/p/${BROKEN}`, status: 400 },
  { path: () => `/articles/${BROKEN}/comments/p/2`, status: 400 },
  // Sections
  { path: () => `/categories/${BROKEN}`, status: 400 },
  { path: () => "/categories/no-such-section", status: 404 },
  { path: () => "/categories/%00", status: 404 },
  { path: () => `/categories/${JAMO}`, status: 404 },
  { path: () => `/tags/${BROKEN}`, status: 400 },
  { path: () => "/tags/%00", status: 404 },
  { path: () => `/tags/${JAMO}`, status: 404 },
  { path: () => "/tags/no-such-tag?before=not-a-cursor", status: 404 },
  { path: () => `/tags/${BROKEN}/feed.xml`, status: 400 },
  { path: () => "/tags/no-such-tag/feed.xml", status: 404 },
  { path: (f) => `/categories/${f.slug}?page=0`, status: 404 },
  { path: (f) => `/categories/${f.slug}?page=-1`, status: 404 },
  { path: (f) => `/categories/${f.slug}?page=1.5`, status: 404 },
  { path: (f) => `/categories/${f.slug}?page=${HUGE}`, status: 404 },
  { path: (f) => `/categories/${f.slug}?page=${fullwidth(1)}`, status: 404 },
  { path: (f) => `/categories/${f.slug}?page=${BROKEN}`, status: 400 },
  { path: (f) => `/categories/${f.slug}?page=1`, status: 301, location: (f) => `/categories/${f.slug}` },
  { path: (f) => `/categories/${f.slug}?page=02`, status: 301, location: (f) => `/categories/${f.slug}?page=2` },
  { path: (f) => `/categories/${f.slug}/p/${BROKEN}`, status: 400 },
  { path: (f) => `/categories/${f.slug}/rss.xml`, status: 200, type: /rss\+xml/ },
  { path: () => `/categories/${BROKEN}/rss.xml`, status: 400 },
  { path: () => "/categories/no-such-section/rss.xml", status: 404 },
  { method: "POST", path: (f) => `/categories/${f.slug}/rss.xml`, status: 405 },
  // Archive
  { path: () => "/archive?page=0", status: 404 },
  { path: () => `/archive?page=${HUGE}`, status: 404 },
  { path: () => `/archive?page=${BROKEN}`, status: 400 },
  { path: () => "/archive?page=1", status: 301, location: () => "/archive" },
  { path: () => "/archive/p/0", status: 404 },
  { path: () => `/archive?page=${LONG}`, status: 404 },
  // Search
  { path: () => `/search?q=${BROKEN}`, status: 400 },
  { path: () => `/search?q=${encodeURIComponent("경제")}`, status: 200 },
  { path: () => `/search?q=${LONG}`, status: 200 },
  { path: () => "/search?q=%00", status: 200 },
  { path: () => "/search?q=a%00b%07", status: 200 },
  { path: () => "/search?q=a&section=%00", status: 404 },
  { path: () => `/search?q=${JAMO}`, status: 200 },
  { path: () => "/search?q=..%2f..%2fetc%2fpasswd", status: 200 },
  { path: () => "/search?q=a&page=0", status: 404 },
  { path: () => "/search?q=a&page=-1", status: 404 },
  { path: () => `/search?q=a&page=${HUGE}`, status: 404 },
  { path: () => "/search?q=a&section=no-such-section", status: 404 },
  { path: () => `/search?q=a&section=${BROKEN}`, status: 400 },
  { method: "DELETE", path: () => "/search?q=a", status: 405 },
  // Feeds and sitemaps
  { path: () => "/rss.xml", status: 200, type: /rss\+xml/ },
  { method: "POST", path: () => "/rss.xml", status: 405 },
  { path: () => "/sitemap.xml", status: 200, type: /xml/ },
  { method: "DELETE", path: () => "/sitemap.xml", status: 405 },
  { path: () => `/sitemaps/${BROKEN}`, status: 400 },
  { path: () => "/sitemaps/articles-9999-99.xml", status: 404 },
  { path: () => "/sitemaps/articles-2024-00.xml", status: 404 },
  { path: () => "/sitemaps/..%2f..%2fetc%2fpasswd", status: 404 },
  { path: () => "/news-sitemap.xml", status: 200, type: /xml/ },
  { path: () => `/news-sitemap.xml?${BROKEN}`, status: 400 },
  // Media
  { path: (f) => `/media/${f.key}`, status: 200, type: /^image\// },
  { path: () => `/media/${BROKEN}`, status: 400 },
  { path: () => "/media/..%2f..%2fetc%2fpasswd", status: 404 },
  { path: () => "/media/%2e%2e/%2e%2e/package.json", status: 404 },
  { path: () => "/media/x%00.jpg", status: 404 },
  { method: "PUT", path: (f) => `/media/${f.key}`, status: 405 },
  { path: (f) => `/media-crop/1x1/${f.key}`, status: 200, type: /^image\/jpeg/ },
  { path: (f) => `/media-crop/2x1/${f.key}`, status: 404 },
  { path: (f) => `/media-crop/${BROKEN}/${f.key}`, status: 400 },
  { path: () => "/media-crop/1x1/..%2f..%2fetc%2fpasswd.jpg", status: 404 },
  // Old links
  { path: () => `/board/read/${BROKEN}`, status: 400 },
  { path: (f) => `/board/read/${f.board}/${HUGE}`, status: 404 },
  { path: (f) => `/board/read/${f.board}/-1`, status: 404 },
  { path: (f) => `/board/read/${f.board}/${f.legacy}`, status: 301, location: (f) => `/articles/${f.id}` },
  { path: (f) => `/board/read/${f.board}/${f.binnedLegacy}`, status: 410 },
  // API
  { path: () => `/api/views/${BROKEN}`, status: 400 },
  { path: () => "/api/views/0", status: 404 },
  { method: "POST", path: () => "/api/views/-1", status: 404 },
  { method: "POST", path: () => `/api/views/${HUGE}`, status: 404 },
  { method: "PUT", path: (f) => `/api/views/${f.id}`, status: 405 },
  { path: (f) => `/api/views/${f.id}`, status: 200, type: /json/ },
  // The edit page's goodbye beacon: nobody signed in is answered before the body is read.
  { method: "POST", path: () => "/api/presence", body: '{"articleId":1,"tabId":"abcdefgh"}', headers: { "content-type": "application/json" }, status: 401, type: /json/ },
  { method: "POST", path: () => "/api/presence", body: "x".repeat(100_000), headers: { "content-type": "application/json" }, status: 401, type: /json/ },
  { method: "GET", path: () => "/api/presence", status: 405 },
  { method: "POST", path: () => "/api/captcha", status: 405 },
  { path: () => "/api/captcha", status: 200, type: /^image\/png/ },
  { method: "PUT", path: () => "/api/health", status: 405 },
  { path: () => `/api/auth/${BROKEN}`, status: 400 },
  { path: () => "/api/auth/no-such-action", status: 404 },
  { path: () => "/api/auth/session", status: 200, type: /json/ },
  // Newsroom
  { path: () => `/admin/${BROKEN}`, status: 400 },
  { path: () => `/admin/articles/${BROKEN}/edit`, status: 400 },
  { path: () => "/admin/publish-due", status: 405 },
  { path: () => "/admin/images/upload", status: 405 },
  { method: "POST", path: () => "/admin/publish-due", status: 403 },
  { method: "DELETE", path: () => "/admin/articles", status: 405 },
];

let fx: Fx;

beforeAll(async () => {
  const PUBLISHED = `a.status = 'PUBLISHED' AND a.deleted_at IS NULL AND a.legacy_id IS NOT NULL AND s.legacy_board IS NOT NULL`;
  const picked = await sql<{ id: number; slug: string; key: string; board: string; legacy: number }>(
    `SELECT a.id, s.slug, i.storage_key AS key, s.legacy_board AS board, a.legacy_id AS legacy
     FROM articles a JOIN sections s ON s.id = a.section_id JOIN images i ON i.id = a.cover_image_id
     WHERE ${PUBLISHED} ORDER BY a.published_at DESC, a.id DESC LIMIT 2`,
  );
  const [a, b] = picked;
  // An article in the bin (restored afterwards); the proxy learns of it within its refresh interval.
  await sql(`UPDATE articles SET deleted_at = now() WHERE id = $1`, [b.id]);
  fx = { ...a, binned: b.id, binnedLegacy: b.legacy };
  const deadline = Date.now() + 30_000;
  while ((await raw(base, "GET", `/articles/${b.id}`)).status !== 410 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
});

afterAll(async () => {
  if (fx) await sql(`UPDATE articles SET deleted_at = NULL WHERE id = $1`, [fx.binned]);
  await pool.end();
});

describe("hostile input", () => {
  it(`answers ${rows.length} hostile requests with the status that tells the truth, never 5xx`, async () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const wrong: string[] = [];
    for (const row of rows) {
      const method = row.method ?? "GET";
      const path = row.path(fx);
      const r = await raw(base, method, path, row.headers, row.body);
      const label = `${method} ${path.length > 100 ? `${path.slice(0, 100)}…(${path.length})` : path}`;
      if (r.status !== row.status) wrong.push(`${label}: ${r.status}, expected ${row.status}`);
      if (row.location) {
        const loc = r.headers.location ?? "";
        const want = row.location(fx);
        if (loc !== want && !ourOrigins.some((o) => loc === o + want)) wrong.push(`${label}: Location ${loc}, expected ${want}`);
      }
      if (row.type && !row.type.test(r.headers["content-type"] ?? "")) wrong.push(`${label}: Content-Type ${r.headers["content-type"]}`);
      if (r.status === 405 && !r.headers.allow) wrong.push(`${label}: 405 without Allow`);
    }
    expect(wrong).toEqual([]);
  });

  it("says what went wrong in Korean on a malformed address", async () => {
    const r = await raw(base, "GET", `/articles/${BROKEN}`);
    expect(r.status).toBe(400);
    expect(r.headers["content-type"]).toMatch(/text\/html/);
    expect(r.body).toContain("잘못된 요청입니다");
  });
});

describe("forged Host and X-Forwarded-Host", () => {
  const forged: Record<string, string>[] = [{ host: "evil.example" }, { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }, { forwarded: "host=evil.example;proto=https" }];
  const redirects = (f: Fx) => [
    `/articles/0${f.id}`,
    "/archive?page=1",
    `/categories/${f.slug}?page=01`,
    `/archive/p/2`,
    `/articles/${f.id}/comments/p/1`,
    `/board/read/${f.board}/${f.legacy}`,
    "/admin",
    "/admin/articles",
    "/api/auth/signin",
  ];

  it("never reach a redirect's Location", async () => {
    const wrong: string[] = [];
    for (const headers of forged) {
      for (const path of redirects(fx)) {
        const r = await raw(base, "GET", path, headers);
        const loc = r.headers.location ?? "";
        if (r.status < 300 || r.status > 308) wrong.push(`${path} ${JSON.stringify(headers)}: status ${r.status}`);
        // Relative, or absolute on SITE_URL (the test server's own address).
        if (!onSite(loc)) wrong.push(`${path} ${JSON.stringify(headers)}: Location ${loc}`);
        if (loc.includes("evil.example")) wrong.push(`${path} ${JSON.stringify(headers)}: Location ${loc}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("never reach canonical links or other absolute URLs of a page rendered for that request", async () => {
    // An article nobody opened yet, so this very request renders it.
    const [{ id }] = await sql<{ id: number }>(
      `SELECT id FROM articles WHERE status = 'PUBLISHED' AND deleted_at IS NULL ORDER BY published_at ASC, id ASC OFFSET 3 LIMIT 1`,
    );
    for (const headers of forged) {
      const r = await raw(base, "GET", `/articles/${id}`, headers);
      expect(r.status).toBe(200);
      expect(r.body).not.toContain("evil.example");
      expect(r.body).toContain(`<link rel="canonical" href="${base}/articles/${id}"/>`);
    }
    const search = await raw(base, "GET", `/search?q=${encodeURIComponent("경제")}`, forged[1]);
    expect(search.status).toBe(200);
    expect(search.body).not.toContain("evil.example");
  });
});
