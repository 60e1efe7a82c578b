// The photo library, tags, SEO fields and home picks on the production build in real
// Chromium, as an editor uses them: a photo uploaded in the library and its credit edited;
// a cover chosen through the picker dialog (its caption prefilled); tags typed and seen on
// the article, the tag's page and its feed; SEO title and description in the article's
// <head>; the article chosen as the home page's lead and seen first on /.
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUserAt } from "../../lib/auth/bootstrap";
import { hydrated, signInThrough, withPage } from "../support/browser";

const base = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
afterAll(() => pool.end());

const run = randomBytes(3).toString("hex");
const editor = { email: `library-${run}@example.com`, password: `library-${run}-password`, role: "EDITOR" as const, name: "한편집" };
let photo: string;

beforeAll(async () => {
  await createUserAt(databaseUrl, editor);
  const dir = mkdtempSync(join(tmpdir(), "library-e2e-"));
  photo = join(dir, "tianchi.jpg");
  writeFileSync(photo, await sharp({ create: { width: 1600, height: 1000, channels: 3, background: "#2b6cb0" } }).jpeg().toBuffer());
});

const q = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await pool.query<T>(text, params)).rows;
const meta = (html: string, attr: "name" | "property", key: string) => new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`).exec(html)?.[1];

describe("photo library, tags, SEO and home picks", () => {
  it("an editor uploads a photo, edits its credit, picks it as a cover, tags the article, sets SEO fields and makes it the home page's lead", async () => {
    await withPage(async (page) => {
      await signInThrough(page, base, editor, "/admin/images");
      const caption = `백두산 천지 ${run}`;

      // 1. The library: a plain upload form, then the photo's credit edited in place.
      await page.setInputFiles(".upload-form input[type=file]", photo);
      await page.fill(".upload-form input[name=caption]", caption);
      await page.fill(".upload-form input[name=alt]", "푸른 호수와 봉우리");
      await page.click(".upload-form button[type=submit]");
      await page.waitForSelector("p.notice[role=status]");
      const [{ id: photoId }] = await q<{ id: number }>("SELECT id FROM images WHERE caption = $1", [caption]);
      const item = `li[data-photo-id="${photoId}"]`;
      await hydrated(page, `${item} form.photo-edit`);
      await page.fill(`#p${photoId}-credit`, "사진=연변일보 김사진");
      await page.click(`${item} form.photo-edit button[type=submit]`);
      await expect.poll(async () => (await q("SELECT credit FROM images WHERE id = $1", [photoId]))[0].credit, { timeout: 30_000 }).toBe("사진=연변일보 김사진");
      // Searching by the credit finds it.
      await page.goto(`${base}/admin/images?q=${encodeURIComponent("김사진")}`);
      expect(await page.locator(`${item}`).count()).toBe(1);

      // 2. A new article: cover through the picker dialog, tags, SEO fields.
      await page.goto(base + "/admin/articles/new");
      await hydrated(page, "form.article-form");
      const title = `백두산 관광 철이 시작되다 ${run}`;
      await page.fill("#f-title", title);
      await hydrated(page, ".rte");
      await page.click("#f-body");
      await page.keyboard.type("올해 첫 관광객들이 천지에 올랐다.");
      await page.click("[data-testid=cover-choose]");
      const dialog = page.locator("dialog.photo-picker[open]");
      await dialog.waitFor();
      await dialog.locator("#photo-picker-q").fill(run);
      await dialog.locator("button:has-text('찾기')").click();
      await dialog.locator(`button[data-photo-id="${photoId}"]`).click();
      await page.locator("dialog.photo-picker[open]").waitFor({ state: "detached" });
      expect(await page.inputValue("#f-coverCaption")).toBe(caption); // prefilled from the photo
      expect(await page.getAttribute(".cover-box .cover-preview", "src")).toMatch(/^\/media\//);

      const tagName = `관광 ${run}`;
      await page.fill("#f-tags", `백두산, ${tagName}, 백두산`);
      await page.click(".seo-box summary");
      const seoTitle = `천지에 오른 첫 관광객 ${run}`;
      const seoDescription = `올해 백두산 관광 철이 시작되었습니다. 검색 설명 ${run}`;
      await page.fill("#f-seoTitle", seoTitle);
      await page.fill("#f-seoDescription", seoDescription);
      expect(await page.textContent("#f-seoTitle-hint")).toBe(`${seoTitle.length} / 70자`);
      await page.click("button[value=publish]");
      await page.waitForURL(/\/admin\/articles\/\d+\/edit/);
      const id = Number(/articles\/(\d+)\/edit/.exec(page.url())![1]);
      await expect.poll(async () => (await q("SELECT status FROM articles WHERE id = $1", [id]))[0].status, { timeout: 30_000 }).toBe("PUBLISHED");
      expect(await q("SELECT cover_image_id, cover_caption FROM articles WHERE id = $1", [id])).toEqual([{ cover_image_id: photoId, cover_caption: caption }]);
      // The photo is in use now: the library refuses to delete it and says where it is used.
      expect(await q("SELECT article_id FROM article_images WHERE image_id = $1", [photoId])).toEqual([{ article_id: id }]);
      page.once("dialog", (d) => void d.accept());
      await page.goto(`${base}/admin/images?q=${encodeURIComponent(run)}`);
      await hydrated(page, `${item} form.action-form`);
      await page.click(`${item} button:has-text('사진 지우기')`);
      await expect.poll(() => page.textContent(`${item} .action-result`), { timeout: 30_000 }).toContain(`기사 #${id} 「${title}」`);
      expect(await q("SELECT 1 FROM images WHERE id = $1", [photoId])).toHaveLength(1);

      // 3. The reader's page: SEO fields in <head>, tags as links.
      const html = await (await fetch(`${base}/articles/${id}`)).text();
      expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toContain(seoTitle);
      expect(meta(html, "name", "description")).toBe(seoDescription);
      expect(meta(html, "property", "og:title")).toBe(seoTitle);
      expect(meta(html, "property", "og:description")).toBe(seoDescription);
      expect(meta(html, "name", "twitter:title")).toBe(seoTitle);
      expect(meta(html, "name", "twitter:card")).toBe("summary_large_image");
      const [{ storage_key: key }] = await q<{ storage_key: string }>("SELECT storage_key FROM images WHERE id = $1", [photoId]);
      expect(meta(html, "property", "og:image")).toContain(key.replace(/\.jpg$/, ""));
      await page.goto(`${base}/articles/${id}`);
      const tagLinks = await page.locator(".article-tags a").allTextContents();
      expect(tagLinks).toEqual(["#백두산", `#${tagName}`]);
      // Under the cover: the article's caption, and whose photo it is.
      expect(await page.textContent(".article-cover figcaption")).toBe(`${caption}사진=연변일보 김사진`);
      expect(await page.textContent(".article-cover figcaption .photo-credit")).toBe("사진=연변일보 김사진");

      // 4. The tag's page and feed.
      await page.click(`.article-tags a:has-text("${run}")`);
      await page.waitForURL((u) => decodeURIComponent(u.pathname) === `/tags/관광-${run}`);
      expect(await page.textContent("h1")).toBe(`#${tagName}`);
      expect(await page.locator(".list-item-title a").allTextContents()).toEqual([title]);
      const feed = await fetch(`${base}/tags/${encodeURIComponent(`관광-${run}`)}/feed.xml`);
      expect(feed.headers.get("content-type")).toContain("application/rss+xml");
      expect(await feed.text()).toContain(title);
      expect((await fetch(`${base}/tags/${encodeURIComponent(`없는태그-${run}`)}`)).status).toBe(404);
      expect((await fetch(`${base}/tags/${encodeURIComponent(`없는태그-${run}`)}/feed.xml`)).status).toBe(404);

      // 5. The home page's lead: chosen in /admin/home, first on / at the next read.
      await page.goto(`${base}/admin/home?q=${encodeURIComponent(run)}`);
      const result = page.locator(".pick-results li", { hasText: title });
      await hydrated(page, ".pick-results li form.action-form");
      await result.locator("button:has-text('첫 화면에 올리기')").click();
      await page.locator(`.home-picks li[data-pick-id="${id}"]`).waitFor({ timeout: 30_000 });
      await expect.poll(async () => (await fetch(base + "/").then((r) => r.text())).match(/<article class="top-story">[\s\S]*?<h2>([^<]*)<\/h2>/)?.[1], { timeout: 30_000 }).toBe(title);
      await page.goto(base + "/");
      expect(await page.textContent(".top-story h2")).toBe(title);

      // Taken off the picks, the home page goes back to choosing by itself.
      await page.goto(`${base}/admin/home`);
      await hydrated(page, `.home-picks li[data-pick-id="${id}"] form.action-form`);
      await page.locator(`.home-picks li[data-pick-id="${id}"] button:has-text('빼기')`).click();
      await expect.poll(async () => (await q("SELECT count(*)::int AS n FROM home_picks WHERE article_id = $1", [id]))[0].n, { timeout: 30_000 }).toBe(0);
    });
  });

  it("the picker uploads a new photo with its texts and chooses it; Enter in its fields does not submit the article; as the social card it is what og:image shows", async () => {
    await withPage(async (page) => {
      await signInThrough(page, base, editor, "/admin/articles/new");
      await hydrated(page, "form.article-form");
      const title = `공유 사진 시험 ${run}`;
      await page.fill("#f-title", title);
      await hydrated(page, ".rte");
      await page.click("#f-body");
      await page.keyboard.type("공유 사진을 따로 고른 기사.");
      // Existing tags are offered while typing; choosing one completes it.
      await page.fill("#f-tags", "백두");
      await page.click(".tag-suggestions button:has-text('백두산')");
      expect(await page.inputValue("#f-tags")).toBe("백두산, ");
      await page.click(".seo-box summary");
      await page.click(".seo-box button:has-text('공유 사진 고르기')");
      const dialog = page.locator("dialog.photo-picker[open]");
      await dialog.waitFor();
      // The library is longer than one page: "더 보기" brings the older photos.
      const total = Number((await q<{ n: number }>("SELECT count(*)::int AS n FROM images"))[0].n);
      expect(total).toBeGreaterThan(24);
      await expect.poll(() => dialog.locator(".photo-picker-grid li").count(), { timeout: 30_000 }).toBe(24);
      await dialog.locator("button:has-text('더 보기')").click();
      await expect.poll(() => dialog.locator(".photo-picker-grid li").count(), { timeout: 30_000 }).toBe(Math.min(total, 48));
      await dialog.locator("[data-testid=picker-file]").setInputFiles(photo);
      await dialog.locator("[data-field=picker-alt]").fill("눈 덮인 봉우리");
      await dialog.locator("[data-field=picker-caption]").fill(`공유용 사진 ${run}`);
      await dialog.locator("[data-field=picker-credit]").fill("사진=해란강뉴스");
      await dialog.locator("[data-field=picker-credit]").press("Enter");
      expect(await dialog.isVisible()).toBe(true);
      await dialog.locator("button:has-text('올리고 고르기')").click();
      await page.locator("dialog.photo-picker[open]").waitFor({ state: "detached", timeout: 30_000 });
      const [img] = await q<{ id: number; storage_key: string; alt: string; credit: string }>("SELECT id, storage_key, alt, credit FROM images WHERE caption = $1", [`공유용 사진 ${run}`]);
      expect(img).toMatchObject({ alt: "눈 덮인 봉우리", credit: "사진=해란강뉴스" });
      await page.click("button[value=publish]");
      await page.waitForURL(/\/admin\/articles\/\d+\/edit/);
      const id = Number(/articles\/(\d+)\/edit/.exec(page.url())![1]);
      expect((await q("SELECT social_image_id, cover_image_id FROM articles WHERE id = $1", [id]))[0]).toEqual({ social_image_id: img.id, cover_image_id: null });
      // Enter in the picker saved nothing: the one revision is the publish.
      expect((await q("SELECT kind FROM article_revisions WHERE article_id = $1", [id])).map((r) => r.kind)).toEqual(["PUBLISH"]);
      const html = await (await fetch(`${base}/articles/${id}`)).text();
      expect(meta(html, "property", "og:image")).toContain(img.storage_key.replace(/\.jpg$/, ""));
      const tagPage = await (await fetch(`${base}/tags/${encodeURIComponent("백두산")}`)).text();
      expect(tagPage).toContain(title);
      expect(tagPage).toContain(`백두산 관광 철이 시작되다 ${run}`);
      // No SEO title or description: the article's own title and excerpt.
      expect(meta(html, "property", "og:title")).toBe(title);
      expect(meta(html, "name", "description")).toContain("공유 사진을 따로 고른 기사");
    });
  });
});
