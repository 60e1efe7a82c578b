// A new article that autosave has already stored (the address moved to /admin/articles/N/edit
// under the editor's hands) is published by 지금 게시 like any other: the button is based on
// the autosave's answer, not on the empty form the page started with.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUserAt } from "../../lib/auth/bootstrap";
import { hydrated, signInThrough, withPage } from "../support/browser";

const base = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
afterAll(() => pool.end());

const run = randomBytes(3).toString("hex");
const editor = { email: `autopub-${run}@example.com`, password: `autopub-${run}-password`, role: "EDITOR" as const, name: "자편집" };

beforeAll(async () => {
  await createUserAt(databaseUrl, editor);
});

describe("publishing a new article after its first autosave", () => {
  it("publishes the autosaved draft, once, with the text on screen", async () => {
    await withPage(async (page) => {
      await signInThrough(page, base, editor, "/admin/articles/new");
      await hydrated(page, "form.article-form");
      await hydrated(page, ".rte");
      const title = `자동저장 뒤 게시 ${run}`;
      await page.fill("#f-title", title);
      await page.click("#f-body");
      await page.keyboard.type("자동저장된 초고를 그대로 게시한다.");
      // The autosave stores it as a draft and moves the address to the draft's own page.
      await page.waitForURL(/\/admin\/articles\/\d+\/edit/, { timeout: 60_000 });
      const id = Number(/articles\/(\d+)\/edit/.exec(page.url())![1]);
      await expect.poll(async () => (await pool.query("SELECT status FROM articles WHERE id = $1", [id])).rows[0]?.status, { timeout: 60_000 }).toBe("DRAFT");

      await page.keyboard.type(" 마지막 문장.");
      await page.click("button[value=publish]");
      await expect.poll(async () => (await pool.query("SELECT status FROM articles WHERE id = $1", [id])).rows[0].status, { timeout: 60_000 }).toBe("PUBLISHED");
      const rows = (await pool.query("SELECT id, body FROM articles WHERE title = $1", [title])).rows;
      expect(rows.map((r) => r.id)).toEqual([id]); // one article, not a second one from the button
      expect(rows[0].body).toContain("마지막 문장.");
      // The page the button moved to says what happened to the article.
      await expect.poll(() => page.locator("p.notice[role=status]").first().textContent(), { timeout: 60_000 }).toBe("게시했습니다.");
      expect((await fetch(`${base}/articles/${id}`)).status).toBe(200);
    });
  }, 240_000);
});
