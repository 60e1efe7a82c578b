// Two tabs on one article in real Chromium: tab A saves a new subtitle, tab B (opened before
// that save) keeps typing and its autosave fires. Tab B must be told in Korean, keep its
// text, stop autosaving, and the database must still hold tab A's subtitle. Tab B's clock
// is Playwright's fake one, so the 10-second autosave is moved forward, not waited for.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUserAt } from "../../lib/auth/bootstrap";
import { hydrated, signInThrough, withPage } from "../support/browser";

const base = inject("baseUrl");
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(() => pool.end());

const run = randomBytes(3).toString("hex");
const editor = { email: `saves-${run}@example.com`, password: `saves-${run}-password`, role: "EDITOR" as const, name: "최편집" };
const AUTOSAVE_MS = 10_000;
let articleId: number;

beforeAll(async () => {
  const u = await createUserAt(inject("databaseUrl"), editor);
  const section = (await pool.query("SELECT id FROM sections WHERE hidden = false ORDER BY position, id LIMIT 1")).rows[0].id;
  articleId = (
    await pool.query(
      `INSERT INTO articles (section_id, title, subtitle, excerpt, body, source_name, status, author_id, updated_at)
       VALUES ($1, $2, '처음 부제목', '요약', '<p>처음 본문.</p>', '해란강뉴스', 'DRAFT', $3, now()) RETURNING id`,
      [section, `두 탭 기사 ${run}`, u.id],
    )
  ).rows[0].id;
});


/** The editor is usable once the form has hydrated and the body is the rich editor. */
async function openEditor(page: Page, path: string) {
  await page.goto(base + path);
  await hydrated(page, "form.article-form");
  await page.waitForSelector("form.article-form div#f-body[contenteditable]");
}

const stored = async () => (await pool.query("SELECT subtitle, body, version FROM articles WHERE id = $1", [articleId])).rows[0];

describe("two tabs on one article", () => {
  it("a stale tab's autosave is refused in Korean, keeps its text and does not put tab A's subtitle back", async () => {
    await withPage(async (a) => {
      const path = `/admin/articles/${articleId}/edit`;
      await signInThrough(a, base, editor, path);
      const b = await a.context().newPage(); // same context: same signed-in editor
      b.setDefaultTimeout(20_000);
      await b.clock.install();
      await openEditor(b, path);
      await openEditor(a, path);
      const actions: string[] = [];
      b.on("request", (r) => {
        // Saves only: the presence heartbeat (a server action too, every 20 s) is not one.
        if (r.method() === "POST" && r.headers()["next-action"] && !(r.postData() ?? "").includes("tabId")) actions.push(r.url());
      });

      // Tab A saves a new subtitle.
      await a.fill("#f-subtitle", "탭 A가 고친 부제목");
      await a.click("button[name=intent][value=save]");
      await expect.poll(() => a.textContent(".save-box .form-message")).toBe("저장했습니다.");
      expect((await stored()).subtitle).toBe("탭 A가 고친 부제목");

      // Tab B, still on the version it loaded, types into the body; its autosave comes due.
      await b.click("#f-body");
      await b.keyboard.press("End");
      await b.keyboard.type(" 탭 B가 덧붙인 문장.");
      await b.clock.runFor(AUTOSAVE_MS + 1_000);
      const conflict = b.getByTestId("save-conflict");
      await expect.poll(() => conflict.textContent()).toContain("다른 곳에서 이 기사가 먼저 저장되었습니다");
      expect(await conflict.getAttribute("aria-live")).toBeTruthy();

      // Tab B keeps everything it had on screen.
      expect(await b.textContent("#f-body")).toContain("탭 B가 덧붙인 문장.");
      expect(await b.inputValue("#f-subtitle")).toBe("처음 부제목");
      // The database keeps tab A's save.
      const row = await stored();
      expect(row.subtitle).toBe("탭 A가 고친 부제목");
      expect(row.body).not.toContain("탭 B");

      // No silent retry loop: more typing and three more autosave periods send nothing.
      expect(actions).toHaveLength(1);
      await b.keyboard.type(" 더 씁니다.");
      await b.clock.runFor(3 * AUTOSAVE_MS);
      // One real round trip through the page and the server: a request the timers started is on the wire by then.
      await b.evaluate(async () => void (await fetch("/robots.txt")));
      expect(actions).toHaveLength(1);
      expect(await b.textContent("#f-body")).toContain("더 씁니다.");
      expect((await stored()).subtitle).toBe("탭 A가 고친 부제목");
    });
  });
});
