// Security headers on every kind of answer (reader page, newsroom page, media, 404, the
// server's own 400) and a Content-Security-Policy that the pages really live with: real
// Chromium hydrates a cached article, loads the captcha, sends the view beacon, enlarges the
// text and posts through the comment form's server action with no CSP violation.
import pg from "pg";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { hydrated, withPage } from "../support/browser";
import { raw, type RawAnswer } from "./hostile-http";

const base = inject("baseUrl");
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(() => pool.end());
const sql = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await pool.query<T>(text, params)).rows;

function expectCommonHeaders(r: RawAnswer, what: string) {
  expect(r.headers["x-content-type-options"], what).toBe("nosniff");
  expect(r.headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(r.headers["x-frame-options"], what).toBe("DENY");
  expect(r.headers["permissions-policy"], what).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\).*interest-cohort=\(\)/);
  // SITE_URL of the test server is http: no HSTS (tests/e2e/db-down.test.ts checks the https case).
  expect(r.headers["strict-transport-security"], what).toBeUndefined();
}

function expectLockedDown(csp: string | string[] | undefined, what: string) {
  expect(csp, what).toBeDefined();
  for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "default-src 'self'"]) expect(csp, what).toContain(d);
}

async function article() {
  const [a] = await sql<{ id: number; key: string }>(
    `SELECT a.id, i.storage_key AS key FROM articles a JOIN images i ON i.id = a.cover_image_id
     WHERE a.status = 'PUBLISHED' AND a.deleted_at IS NULL ORDER BY a.published_at DESC, a.id DESC OFFSET 5 LIMIT 1`,
  );
  return a;
}

describe("security headers", () => {
  it("on a reader page, served fresh and from the cache alike", async () => {
    const { id } = await article();
    for (const n of [1, 2]) {
      const r = await raw(base, "GET", `/articles/${id}`);
      expect(r.status).toBe(200);
      expectCommonHeaders(r, `article, request ${n}`);
      expectLockedDown(r.headers["content-security-policy"], `article, request ${n}`);
      expect(r.headers["content-security-policy"]).toContain("script-src 'self' 'unsafe-inline'");
    }
  });

  it("on a newsroom page: a fresh nonce per request, carried by the page's scripts", async () => {
    const nonces: string[] = [];
    for (let n = 0; n < 2; n++) {
      const r = await raw(base, "GET", "/admin/login");
      expect(r.status).toBe(200);
      expectCommonHeaders(r, "/admin/login");
      const csp = r.headers["content-security-policy"] as string;
      expectLockedDown(csp, "/admin/login");
      expect(csp).not.toContain("'unsafe-inline' 'self'");
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(csp)?.[1];
      expect(nonce, csp).toBeDefined();
      const scripts = [...r.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((s) => !s.includes("application/ld+json"));
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("on media with their true type, on the captcha, on a 404 and on the server's own 400", async () => {
    const { key } = await article();
    const media = await raw(base, "GET", `/media/${key}`);
    expect(media.status).toBe(200);
    expect(media.headers["content-type"]).toMatch(/^image\/(jpeg|png|webp|avif)$/);
    expectCommonHeaders(media, "media");
    const crop = await raw(base, "GET", `/media-crop/16x9/${key}`);
    expect([crop.status, crop.headers["content-type"]]).toEqual([200, "image/jpeg"]);
    expectCommonHeaders(crop, "media-crop");
    const captcha = await raw(base, "GET", "/api/captcha");
    expect([captcha.status, captcha.headers["content-type"]]).toEqual([200, "image/png"]);
    expectCommonHeaders(captcha, "captcha");
    const missing = await raw(base, "GET", "/no-such-page");
    expect(missing.status).toBe(404);
    expectCommonHeaders(missing, "404");
    expectLockedDown(missing.headers["content-security-policy"], "404");
    const bad = await raw(base, "GET", "/articles/%E0%A4%A");
    expect(bad.status).toBe(400);
    expectCommonHeaders(bad, "400");
    expect(bad.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });
});

/** Collects CSP violations from the page (the DOM event) and from the console (Chromium's report). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...seen, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

describe("the Content-Security-Policy in real Chromium", () => {
  it("lets a cached article hydrate, load the captcha, count the view, enlarge the text and post a comment", async () => {
    const { id } = await article();
    await raw(base, "GET", `/articles/${id}`); // in the page cache now
    await withPage(async (page) => {
      const violations = await watchCsp(page);
      const beacon = page.waitForResponse((r) => r.url().endsWith(`/api/views/${id}`) && r.request().method() === "POST");
      const res = await page.goto(`${base}/articles/${id}`, { waitUntil: "load" });
      expect(res?.status()).toBe(200);
      expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
      await hydrated(page, "#comment-form");
      expect((await beacon).status()).toBe(200);

      await page.locator("#comment-form .comment-captcha-box").scrollIntoViewIfNeeded();
      await page.waitForFunction(() => {
        const el = document.querySelector<HTMLImageElement>("#comment-form img");
        return !!el && el.complete && el.naturalWidth > 0;
      });

      const para = page.locator(".article-body").first();
      const size = () => para.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      const before = await size();
      await hydrated(page, ".font-size-control");
      await page.getByRole("button", { name: "글자 크게" }).click();
      await expect.poll(size, { timeout: 5_000 }).toBeGreaterThan(before);

      // The server action runs (a wrong code is refused in place, without a reload).
      await page.getByLabel("닉네임").fill("보안검사");
      await page.getByLabel("댓글 내용").fill("CSP 아래에서도 댓글 양식이 동작하는지 봅니다");
      await page.getByLabel("인증코드").fill("0");
      await page.getByRole("button", { name: "댓글 올리기" }).click();
      await page.waitForSelector(".comment-status.error:not(:empty)");
      expect(await page.getByLabel("댓글 내용").inputValue()).toContain("CSP 아래에서도");

      expect(await violations()).toEqual([]);
    });
  });

  it("lets the newsroom's sign-in page hydrate under its nonce policy", async () => {
    await withPage(async (page) => {
      const violations = await watchCsp(page);
      const res = await page.goto(`${base}/admin/login`, { waitUntil: "load" });
      expect(res?.headers()["content-security-policy"]).toContain("'strict-dynamic'");
      // Hydrated (only possible if its scripts ran under the policy).
      await hydrated(page, "form.sign-in-form");
      await page.getByLabel(/이메일/).fill("nobody@example.com");
      await page.getByLabel(/비밀번호/).fill("wrong-password-123");
      await page.getByRole("button", { name: /로그인/ }).click();
      await page.waitForSelector(".form-message.is-error:not(:empty)");
      expect(await violations()).toEqual([]);
    });
  });
});
