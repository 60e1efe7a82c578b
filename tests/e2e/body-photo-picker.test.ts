// A photo from the library into the body: the editor's "사진 고르기" opens the photo picker
// (the same dialog as the cover's), and the chosen photo goes in at the caret as a figure
// with the alt text, caption and credit the library holds for it; readers get all three.
import { randomBytes } from "node:crypto";
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
const editor = { email: `pick-${run}@example.com`, password: `pick-${run}-password`, role: "EDITOR" as const, name: "고편집" };
const photo = { caption: `두만강 물안개 ${run}`, alt: "강 위에 낀 안개", credit: "사진=해란강뉴스 최사진" };

beforeAll(async () => {
  await createUserAt(databaseUrl, editor);
});

describe("a library photo in the body", () => {
  it("사진 고르기 puts the chosen photo at the caret with its alt text, caption and credit, and readers get them", async () => {
    await withPage(async (page) => {
      await signInThrough(page, base, editor, "/admin/images");
      // The photo, with its three texts, uploaded through the library's own form.
      const file = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#6a8caf" } }).jpeg().toBuffer();
      await page.setInputFiles(".upload-form input[type=file]", { name: "mist.jpg", mimeType: "image/jpeg", buffer: file });
      await page.fill(".upload-form input[name=caption]", photo.caption);
      await page.fill(".upload-form input[name=alt]", photo.alt);
      await page.fill(".upload-form input[name=credit]", photo.credit);
      await page.click(".upload-form button[type=submit]");
      await page.waitForSelector("p.notice[role=status]");
      const photoId: number = (await pool.query("SELECT id FROM images WHERE caption = $1 AND credit = $2", [photo.caption, photo.credit])).rows[0].id;

      await page.goto(base + "/admin/articles/new");
      await hydrated(page, "form.article-form");
      await hydrated(page, ".rte");
      const title = `안개 낀 두만강 ${run}`;
      await page.fill("#f-title", title);
      await page.click("#f-body");
      await page.keyboard.type("아침 강가의 모습이다.");
      await page.locator(".rte-toolbar").getByRole("button", { name: "사진 고르기", exact: true }).click();
      const dialog = page.locator("dialog.photo-picker[open]");
      await dialog.waitFor();
      await dialog.locator("#photo-picker-q").fill(run);
      await dialog.locator("button:has-text('찾기')").click();
      await dialog.locator(`button[data-photo-id="${photoId}"]`).click();
      await dialog.waitFor({ state: "detached" });

      // In the editor at once, its three texts in the photo's own fields, ready to be changed
      // for this article.
      const figure = page.locator(".rte-area figure");
      await figure.waitFor();
      expect(await figure.locator("img").getAttribute("alt")).toBe(photo.alt);
      expect(await figure.locator("input[data-field=caption]").inputValue()).toBe(photo.caption);
      expect(await figure.locator("input[data-field=credit]").inputValue()).toBe(photo.credit);

      await page.click("button[value=publish]");
      await page.waitForURL(/\/admin\/articles\/\d+\/edit/);
      const id = Number(/articles\/(\d+)\/edit/.exec(page.url())![1]);
      await expect.poll(async () => (await pool.query("SELECT status FROM articles WHERE id = $1", [id])).rows[0].status, { timeout: 60_000 }).toBe("PUBLISHED");
      const body: string = (await pool.query("SELECT body FROM articles WHERE id = $1", [id])).rows[0].body;
      expect(body.indexOf("아침 강가의 모습이다.")).toBeLessThan(body.indexOf("<figure>"));
      // The photo is in use now (the library would refuse to delete it).
      expect((await pool.query("SELECT article_id FROM article_images WHERE image_id = $1", [photoId])).rows).toEqual([{ article_id: id }]);

      await page.goto(`${base}/articles/${id}`);
      const reader = page.locator(".article-body figure");
      expect(await reader.locator("img").getAttribute("alt")).toBe(photo.alt);
      expect(await reader.locator("figcaption").innerText()).toContain(photo.caption);
      expect(await reader.locator("figcaption small").innerText()).toBe(photo.credit);
    });
  });
});
