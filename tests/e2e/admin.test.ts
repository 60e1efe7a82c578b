// The editors' admin on the production build in real Chromium: sign-in (and its generic
// failure), writing with a photo in the rich editor, publishing and seeing the article on
// the home page and its section on the next read, a reporter who cannot publish, sign-out.
import { randomBytes } from "node:crypto";
import pg from "pg";
import sharp from "sharp";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUserAt } from "../../lib/auth/bootstrap";
import { hydrated, signInThrough, withPage } from "../support/browser";

const base = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
afterAll(() => pool.end());

const run = randomBytes(3).toString("hex");
const editor = { email: `editor-${run}@example.com`, password: `editor-${run}-password`, role: "EDITOR" as const, name: "리편집" };
const reporter = { email: `reporter-${run}@example.com`, password: `reporter-${run}-password`, role: "REPORTER" as const, name: "김기자" };
let photo: string;
let section: { id: number; slug: string; name: string };

beforeAll(async () => {
  await createUserAt(databaseUrl, editor);
  await createUserAt(databaseUrl, reporter);
  const dir = mkdtempSync(join(tmpdir(), "admin-e2e-"));
  photo = join(dir, "park.jpg");
  writeFileSync(photo, await sharp({ create: { width: 1800, height: 1200, channels: 3, background: "#2f8f5b" } }).jpeg().toBuffer());
  section = (await pool.query("SELECT id, slug, name FROM sections WHERE hidden = false ORDER BY position, id LIMIT 1")).rows[0];
});

const signIn = (page: Page, who: { email: string; password: string }, path = "/admin") => signInThrough(page, base, who, path);

/** Types a title and a first paragraph into the article form, once it has hydrated. */
async function write(page: Page, title: string, body: string) {
  await hydrated(page, "form.article-form");
  await page.fill("#f-title", title);
  await hydrated(page, ".rte");
  await page.click("#f-body");
  await page.keyboard.type(body);
}

describe("editors' admin", () => {
  it("sends anonymous visitors to sign-in and never caches admin pages", async () => {
    for (const path of ["/admin", "/admin/articles", "/admin/articles/new", "/admin/comments", "/admin/articles/1/preview"]) {
      const r = await fetch(base + path, { redirect: "manual" });
      expect([303, 307], path).toContain(r.status);
      expect(r.headers.get("location"), path).toContain(`/admin/login?next=${encodeURIComponent(path)}`);
    }
    const login = await fetch(base + "/admin/login");
    expect(login.headers.get("cache-control")).toMatch(/private/);
    expect(login.headers.get("cache-control")).toMatch(/no-store/);
    const upload = await fetch(base + "/admin/images/upload", { method: "POST", headers: { accept: "application/json", "content-length": "0" } });
    expect(upload.status).toBe(401);
  });

  it("an editor signs in, writes with a photo, publishes, and readers see it on home and its section on their next visit", async () => {
    await withPage(async (page) => {
      // A wrong password gets the generic message, not which of the two was wrong.
      await page.goto(base + "/admin/articles/new");
      await hydrated(page, "form.sign-in-form"); // a click before is a plain post, slower under load
      await page.fill("#f-email", editor.email);
      await page.fill("#f-password", "not-the-password");
      await page.click("form.sign-in-form button[type=submit]");
      await expect.poll(() => page.textContent(".form-message")).toBe("이메일 또는 비밀번호가 올바르지 않습니다.");
      await page.fill("#f-password", editor.password);
      await page.click("form.sign-in-form button[type=submit]");
      await page.waitForURL((u) => u.pathname === "/admin/articles/new");

      const res = await page.goto(base + "/admin/articles/new");
      expect(res?.headers()["cache-control"]).toMatch(/private.*no-store|no-store.*private/);
      const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
      expect(cookie?.httpOnly).toBe(true);

      const title = `연길시 새 공원 문을 열다 ${run}`;
      await write(page, title, "연길시에 새 공원이 문을 열었다.");
      await page.selectOption("#f-sectionId", String(section.id));
      await page.setInputFiles("[data-testid=body-photo-input]", photo);
      await page.waitForSelector(".rte-area figure img[src^='/media/']", { timeout: 30_000 });
      // The caption is written in place, under the photo.
      await page.fill(".rte-area figure input[data-field=caption]", "연길시 새 공원 전경");
      await page.click("button[value=publish]");
      await page.waitForURL(/\/admin\/articles\/\d+\/edit/);
      const id = Number(/articles\/(\d+)\/edit/.exec(page.url())![1]);

      // The very first reads after the save show it: no waiting for a cache to expire.
      const [home, list] = await Promise.all([fetch(base + "/").then((r) => r.text()), fetch(`${base}/categories/${section.slug}`).then((r) => r.text())]);
      expect(home).toContain(title);
      expect(list).toContain(title);

      await page.goto(`${base}/articles/${id}`);
      expect(await page.textContent("h1")).toBe(title);
      const img = page.locator(".article-body figure img");
      expect(await img.getAttribute("loading")).toBe("lazy");
      expect(await img.getAttribute("srcset")).toMatch(/\.webp 320w, .*\.webp 1024w/);
      expect(await page.textContent(".article-body figcaption")).toBe("연길시 새 공원 전경");
      const row = (await pool.query("SELECT status, author_id FROM articles WHERE id = $1", [id])).rows[0];
      expect(row.status).toBe("PUBLISHED");

      // Unpublishing takes it off the places readers saw it, just as fast.
      await page.goto(`${base}/admin/articles/${id}/edit`);
      await hydrated(page, ".status-panel .action-form");
      await page.click("button:has-text('게시 취소')");
      await expect.poll(async () => (await pool.query("SELECT status FROM articles WHERE id = $1", [id])).rows[0].status).toBe("DRAFT");
      const [home2, list2] = await Promise.all([fetch(base + "/").then((r) => r.text()), fetch(`${base}/categories/${section.slug}`).then((r) => r.text())]);
      expect(home2).not.toContain(title);
      expect(list2).not.toContain(title);
      expect((await fetch(`${base}/articles/${id}`)).status).toBe(404);
    });
  });

  it("a scheduled article appears by itself at its time (China time), without cron or restart", async () => {
    await withPage(async (page) => {
      await signIn(page, editor, "/admin/articles/new");
      const title = `예약된 기사 ${run}`;
      await write(page, title, "정해진 시각에 나가는 기사.");
      // Far enough ahead that a slow, busy machine still saves it before its time.
      const due = new Date(Math.ceil((Date.now() + 15_000) / 1000) * 1000);
      // datetime-local in China time (UTC+8), whatever the zones of the browser and the server.
      await page.fill("#f-scheduledAt", new Date(due.getTime() + 8 * 3600_000).toISOString().slice(0, 19));
      await page.click("button[value=schedule]");
      await page.waitForURL(/\/admin\/articles\/\d+\/edit/);
      const id = Number(/articles\/(\d+)\/edit/.exec(page.url())![1]);
      const row = (await pool.query("SELECT status, (extract(epoch FROM published_at) * 1000)::float8 AS ms FROM articles WHERE id = $1", [id])).rows[0];
      expect(row).toEqual({ status: "SCHEDULED", ms: due.getTime() });
      expect(await fetch(base + "/").then((r) => r.text())).not.toContain(title);

      let seenAt = 0;
      while (Date.now() < due.getTime() + 30_000) {
        if ((await fetch(base + "/").then((r) => r.text())).includes(title)) {
          seenAt = Date.now();
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(seenAt, "never appeared on the home page").toBeGreaterThan(0);
      // Order, not speed: never before its time (how soon after depends on the machine's load).
      expect(seenAt).toBeGreaterThanOrEqual(due.getTime());
      expect(await fetch(`${base}/categories/${section.slug}`).then((r) => r.text())).toContain(title);
    });
  });

  it("a reporter can write and submit but not publish, even with a forged request", async () => {
    await withPage(async (page) => {
      await signIn(page, reporter, "/admin/articles/new");
      expect(await page.locator("button[value=publish]").count()).toBe(0);
      expect(await page.locator("button[value=schedule]").count()).toBe(0);
      const title = `기자의 초고 ${run}`;
      await write(page, title, "기자가 쓴 본문.");
      await page.click("button[value=save]");
      await page.waitForURL(/\/admin\/articles\/\d+\/edit/);
      const id = Number(/articles\/(\d+)\/edit/.exec(page.url())![1]);

      // Forge the editor's button into the reporter's form: the server still says no.
      await page.evaluate(() => {
        const b = document.createElement("button");
        b.type = "submit";
        b.name = "intent";
        b.value = "publish";
        b.id = "forged";
        b.textContent = "forged";
        document.querySelector("form.article-form .save-buttons")!.append(b);
      });
      await page.click("#forged");
      await expect.poll(() => page.textContent(".save-box .form-message")).toContain("기자는 기사를 게시하거나 예약할 수 없습니다");
      expect((await pool.query("SELECT status FROM articles WHERE id = $1", [id])).rows[0].status).toBe("DRAFT");
      expect(await fetch(base + "/").then((r) => r.text())).not.toContain(title);

      await page.click("button[value=submit]");
      await expect.poll(async () => (await pool.query("SELECT status FROM articles WHERE id = $1", [id])).rows[0].status).toBe("PENDING");

      // Editor-only pages are refused to a reporter.
      await page.goto(base + "/admin/comments");
      expect(await page.textContent("h1")).toBe("권한이 없습니다");
    });
  });

  it("signs out: the session cookie is gone and /admin asks to sign in again", async () => {
    await withPage(async (page) => {
      await signIn(page, editor);
      await page.click("text=로그아웃");
      await page.waitForURL(/\/admin\/login\?signedOut=1/);
      expect(await page.textContent("[role=status]")).toContain("로그아웃했습니다");
      expect((await page.context().cookies()).some((c) => c.name.endsWith("next-auth.session-token") && c.value)).toBe(false);
      await page.goto(base + "/admin/articles");
      expect(new URL(page.url()).pathname).toBe("/admin/login");
    });
  });
});
