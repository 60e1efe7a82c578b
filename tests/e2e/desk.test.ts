// The editors' desk in real Chromium: two tabs on one article (the stale one is refused with
// who saved first, keeps its text, keeps it as a revision that is offered when the article is
// opened again), a revision's diff and an undoable restore, two editors seeing each other,
// a send-back the reporter reads, and the preview of a published article's unsaved changes.
// Tabs whose timers matter run on Playwright's fake clock: autosave (10 s) and heartbeat
// (20 s) are moved forward, not waited for.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUserAt } from "../../lib/auth/bootstrap";
import { hydrated, signInThrough, withPage } from "../support/browser";

const base = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
afterAll(() => pool.end());

const run = randomBytes(3).toString("hex");
const user = (key: string, role: "EDITOR" | "REPORTER", name: string) => ({ email: `desk-${key}-${run}@example.com`, password: `desk-${key}-${run}-password`, role, name });
const editor = user("ed1", "EDITOR", "한편집");
const editor2 = user("ed2", "EDITOR", "문편집");
const reporter = user("rep", "REPORTER", "송기자");
const ids: Record<string, number> = {};
let section: number;

const AUTOSAVE_MS = 10_000;
const HEARTBEAT_MS = 20_000;
// Outcomes are polled with generous deadlines: the machine may be busy (never a time assertion).
const SLOW = { timeout: 30_000, interval: 250 };

async function insertArticle(title: string, status: string, authorId: number) {
  const r = await pool.query<{ id: number }>(
    `INSERT INTO articles (section_id, title, subtitle, excerpt, body, source_name, status, published_at, author_id, updated_at)
     VALUES ($1, $2, '처음 부제목', '요약', '<p>처음 본문입니다.</p>', '해란강뉴스', $3::"ArticleStatus", $4, $5, now()) RETURNING id`,
    [section, title, status, status === "PUBLISHED" ? new Date(Date.now() - 3_600_000) : null, authorId],
  );
  return r.rows[0].id;
}
const stored = async (id: number) =>
  (await pool.query("SELECT title, subtitle, status::text, send_back_id, version FROM articles WHERE id = $1", [id])).rows[0] as {
    title: string;
    subtitle: string | null;
    status: string;
    send_back_id: number | null;
    version: number;
  };
const revisions = async (id: number) =>
  (await pool.query("SELECT id, kind::text, title, note FROM article_revisions WHERE article_id = $1 ORDER BY created_at DESC, id DESC", [id])).rows as {
    id: number;
    kind: string;
    title: string;
    note: string | null;
  }[];

beforeAll(async () => {
  section = (await pool.query("SELECT id FROM sections WHERE hidden = false ORDER BY position, id LIMIT 1")).rows[0].id;
  for (const u of [editor, editor2, reporter]) ids[u.name] = (await createUserAt(databaseUrl, u)).id;
});

async function openEditor(page: Page, path: string) {
  await page.goto(base + path);
  await hydrated(page, "form.article-form");
  await hydrated(page, "[data-testid=presence]");
}

describe("two tabs on one article", () => {
  it("the stale tab is told who saved first, keeps its text, keeps it as a revision that is offered on opening", async () => {
    const title = `두 탭 기사 ${run}`;
    const id = await insertArticle(title, "DRAFT", ids[editor.name]);
    const path = `/admin/articles/${id}/edit`;
    await withPage(async (a) => {
      await signInThrough(a, base, editor, path);
      const b = await a.context().newPage(); // the same editor in a second tab, opened before A saves
      b.setDefaultTimeout(20_000);
      await b.clock.install();
      await openEditor(b, path);
      await openEditor(a, path);

      await a.fill("#f-subtitle", "탭 A가 고친 부제목");
      await a.click("button[name=intent][value=save]");
      await expect.poll(() => a.textContent(".save-box .form-message"), SLOW).toBe("저장했습니다.");

      await b.fill("#f-title", "탭 B가 고친 제목");
      await b.clock.runFor(AUTOSAVE_MS + 1_000);
      const conflict = b.getByTestId("save-conflict");
      await expect.poll(() => conflict.textContent(), SLOW).toContain("다른 곳에서 이 기사가 먼저 저장되었습니다");
      expect(await conflict.textContent()).toContain(`${editor.name} 님`);
      expect(await conflict.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      expect(await b.inputValue("#f-title")).toBe("탭 B가 고친 제목");
      expect(await b.inputValue("#f-subtitle")).toBe("처음 부제목");
      expect(await stored(id)).toMatchObject({ title, subtitle: "탭 A가 고친 부제목" });

      // The way forward: B's text goes into the history; the article is untouched.
      await b.getByRole("button", { name: "내 글을 새 판으로 보관" }).click();
      await expect.poll(() => b.getByTestId("kept").textContent(), SLOW).toContain("보관했습니다");
      await expect.poll(async () => (await revisions(id))[0], SLOW).toMatchObject({ kind: "AUTOSAVE", title: "탭 B가 고친 제목" });
      expect(await stored(id)).toMatchObject({ title, subtitle: "탭 A가 고친 부제목" });
      expect(await b.inputValue("#f-title")).toBe("탭 B가 고친 제목");

      // Opening the article again offers that newer text; "불러오기" puts it in the form, unsaved.
      await openEditor(a, path);
      const offer = a.getByTestId("autosave-offer");
      await offer.waitFor();
      expect(await offer.textContent()).toContain(editor.name);
      await offer.getByRole("link", { name: "불러오기" }).click();
      await a.waitForURL(/autosave=\d+/);
      await hydrated(a, "form.article-form");
      await a.getByTestId("autosave-loaded").waitFor();
      expect(await a.inputValue("#f-title")).toBe("탭 B가 고친 제목");
      expect(await stored(id)).toMatchObject({ title, subtitle: "탭 A가 고친 부제목" });
    });
  });

  it("a revision shows what changed since, as text, and a restore keeps the text it replaced", async () => {
    const id = await insertArticle(`이력 기사 ${run}`, "DRAFT", ids[editor.name]);
    const path = `/admin/articles/${id}/edit`;
    await withPage(async (page) => {
      await signInThrough(page, base, editor, path);
      await hydrated(page, "form.article-form");
      await page.fill("#f-title", "첫 제목 <b>굵게</b>");
      await page.click("button[name=intent][value=save]");
      await expect.poll(() => page.textContent(".save-box .form-message"), SLOW).toBe("저장했습니다.");
      await page.fill("#f-title", "둘째 제목 <b>굵게</b>");
      await page.click("button[name=intent][value=save]");
      await expect.poll(async () => (await stored(id)).title, SLOW).toBe("둘째 제목 <b>굵게</b>");
      const first = (await revisions(id)).find((r) => r.title === "첫 제목 <b>굵게</b>")!;

      await page.goto(`${base}/admin/articles/${id}/revisions?rev=${first.id}`);
      const title = page.locator('[data-testid=revision-diff] [data-field=title]');
      expect(await title.locator("del").allTextContents()).toEqual(["첫"]);
      expect(await title.locator("ins").allTextContents()).toEqual(["둘째"]);
      expect(await title.textContent()).toContain("<b>굵게</b>"); // shown as typed, not as bold markup
      expect(await title.locator("b").count()).toBe(0);

      page.on("dialog", (d) => void d.accept());
      await hydrated(page, `form.action-form:has(input[name=revisionId][value="${first.id}"])`);
      await page.locator(`form.action-form:has(input[name=revisionId][value="${first.id}"]) button`).click();
      await page.waitForURL(/restored=1/);
      expect((await stored(id)).title).toBe("첫 제목 <b>굵게</b>");
      const [restore, kept] = await revisions(id);
      expect(restore).toMatchObject({ kind: "RESTORE", title: "첫 제목 <b>굵게</b>" });
      expect(kept).toMatchObject({ kind: "SAVE", title: "둘째 제목 <b>굵게</b>" });
      expect(kept.note).toContain("되돌리기 전");
    });
  });
});

describe("who else is editing", () => {
  it("two editors see each other with the time of the last activity, and a page that left disappears", async () => {
    const id = await insertArticle(`함께 고치는 기사 ${run}`, "DRAFT", ids[editor.name]);
    const path = `/admin/articles/${id}/edit`;
    await withPage(async (p1) => {
      await signInThrough(p1, base, editor, path);
      await p1.clock.install();
      await openEditor(p1, path);
      await expect.poll(() => p1.getByTestId("presence").textContent(), SLOW).toBe("");
      await withPage(async (p2) => {
        await signInThrough(p2, base, editor2, path);
        await openEditor(p2, path);
        const seen = p2.getByTestId("presence");
        await expect.poll(() => seen.textContent(), SLOW).toMatch(new RegExp(`${editor.name} 님이 이 기사를 고치고 있습니다 \\(마지막 활동 \\d{2}:\\d{2}\\)`));

        // p1 learns about p2 at its next heartbeat.
        await expect
          .poll(async () => {
            await p1.clock.runFor(HEARTBEAT_MS);
            return p1.getByTestId("presence").textContent();
          })
          .toContain(`${editor2.name} 님이 이 기사를 고치고 있습니다`);

        // p2 leaves (pagehide → beacon): at p1's next heartbeat nobody else is editing.
        await p2.goto(`${base}/admin`);
      });
      await expect
        .poll(async () => {
          await p1.clock.runFor(HEARTBEAT_MS);
          return p1.getByTestId("presence").textContent();
        })
        .toBe("");
    });
  });
});

describe("send back to the reporter", () => {
  it("an editor sends a submitted article back with a note; the reporter reads it, sees the marker, and submitting again clears it", async () => {
    const title = `반려 기사 ${run}`;
    const id = await insertArticle(title, "PENDING", ids[reporter.name]);
    const path = `/admin/articles/${id}/edit`;
    const note = "첫 문단의 날짜를 <b>확인</b>해 주세요.\n출처도 적어 주세요.";
    await withPage(async (page) => {
      await signInThrough(page, base, editor, path);
      await hydrated(page, "form.send-back-form");
      await page.locator("form.send-back-form summary").click();
      await page.fill("#f-send-back-note", "   ");
      await page.locator("form.send-back-form button[type=submit]").click();
      await expect.poll(() => page.textContent("#f-send-back-note-error"), SLOW).toBe("반려 사유를 입력하세요.");
      expect((await stored(id)).status).toBe("PENDING");

      await page.fill("#f-send-back-note", note);
      await page.locator("form.send-back-form button[type=submit]").click();
      await expect.poll(async () => (await stored(id)).status, SLOW).toBe("DRAFT");
      await page.getByTestId("send-back-note").waitFor();
    });
    await withPage(async (page) => {
      await signInThrough(page, base, reporter, path);
      const shown = page.getByTestId("send-back-note");
      await shown.waitFor();
      const text = await shown.textContent();
      expect(text).toContain("첫 문단의 날짜를 <b>확인</b>해 주세요."); // the note as typed, never markup
      expect(text).toContain(`${editor.name} 님`);
      expect(await shown.locator("b").count()).toBe(0);

      await page.goto(`${base}/admin/articles`);
      const row = page.locator("tr", { hasText: title });
      expect(await row.locator(".returned-mark").textContent()).toBe("반려됨");

      await page.goto(base + path);
      await hydrated(page, "form.article-form");
      await page.click("button[name=intent][value=submit]");
      await expect.poll(() => page.textContent(".save-box .form-message"), SLOW).toBe("검토를 요청했습니다.");
      expect(await stored(id)).toMatchObject({ status: "PENDING", send_back_id: null });
      expect((await revisions(id)).some((r) => r.kind === "SEND_BACK" && r.note === note)).toBe(true);
    });
  });
});

describe("preview of unsaved changes", () => {
  it("shows the form's current title as readers would see it, while readers still get the saved article", async () => {
    const title = `게시된 기사 ${run}`;
    const id = await insertArticle(title, "PUBLISHED", ids[editor.name]);
    const path = `/admin/articles/${id}/edit`;
    await withPage(async (page) => {
      await signInThrough(page, base, editor, path);
      await hydrated(page, "form.article-form");
      await page.fill("#f-title", `미리 보는 새 제목 ${run}`);
      const [tab] = await Promise.all([page.context().waitForEvent("page"), page.getByTestId("preview-link").click()]);
      await tab.waitForURL(/\/preview\?revision=\d+/);
      await expect.poll(() => tab.textContent("h1.article-title"), SLOW).toBe(`미리 보는 새 제목 ${run}`);
      expect(await tab.getByTestId("preview-unsaved").textContent()).toContain("저장하지 않은 내용");

      // Staff only, never stored by a cache, never indexed.
      const own = await page.request.get(tab.url());
      expect(own.status()).toBe(200);
      expect(own.headers()["cache-control"]).toContain("no-store");
      expect(await own.text()).toMatch(/<meta name="robots" content="[^"]*noindex/);
      const anonymous = await fetch(tab.url(), { redirect: "manual" });
      expect(anonymous.status).toBeGreaterThanOrEqual(300);
      expect(anonymous.status).toBeLessThan(400);
      expect(anonymous.headers.get("location")).toContain("/admin/login");

      const reader = await page.request.get(`${base}/articles/${id}`);
      const html = await reader.text();
      expect(html).toContain(title);
      expect(html).not.toContain("미리 보는 새 제목");
      expect((await stored(id)).title).toBe(title);
      expect(await page.inputValue("#f-title")).toBe(`미리 보는 새 제목 ${run}`);
    });
  });
});
