// The structured body editor (Tiptap) in real Chromium, driven as an editor would: toolbar and
// shortcuts, Enter in the title, Ctrl+S, real paste events with Word and web-page HTML (one
// without text/plain), photos pasted and dropped as files with their upload progress, and
// what readers then see. Also the round trip: a stored body opened and saved is unchanged.
import { randomBytes } from "node:crypto";
import pg from "pg";
import sharp from "sharp";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUserAt } from "../../lib/auth/bootstrap";
import { sanitizeBody } from "../../lib/sanitize";
import { hydrated, signInThrough, withPage } from "../support/browser";
import { WEB, WORD } from "../support/paste-fixtures";

const base = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
afterAll(() => pool.end());

const run = randomBytes(3).toString("hex");
const editor = { email: `rte-${run}@example.com`, password: `rte-${run}-password`, role: "EDITOR" as const, name: "박편집" };
const FOREIGN = "다른 사이트의 사진은 붙여 넣지 않았습니다. 사진 파일로 올려 주세요.";
let section: number;
let jpeg: string; // base64 of a real, noisy JPEG (large enough that its upload takes a moment)

beforeAll(async () => {
  await createUserAt(databaseUrl, editor);
  section = (await pool.query("SELECT id FROM sections WHERE hidden = false ORDER BY position, id LIMIT 1")).rows[0].id;
  const buf = await sharp({ create: { width: 1600, height: 1100, channels: 3, background: "#3a6f8f", noise: { type: "gaussian", mean: 120, sigma: 50 } } })
    .jpeg({ quality: 92 })
    .toBuffer();
  jpeg = buf.toString("base64");
});

/** Polls with a deadline a busy machine can meet. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000 });
const row = async (id: number) => (await pool.query("SELECT title, body, status FROM articles WHERE id = $1", [id])).rows[0];
const idFromUrl = (page: Page) => Number(/articles\/(\d+)\/edit/.exec(page.url())?.[1] ?? NaN);
const button = (page: Page, name: string) => page.locator(".rte-toolbar").getByRole("button", { name, exact: true });

async function newArticle(page: Page, title: string) {
  await signInThrough(page, base, editor, "/admin/articles/new");
  await hydrated(page, "form.article-form");
  await hydrated(page, ".rte");
  // The toolbar is there as soon as the editor is, before anything is clicked or typed.
  expect(await page.locator(".rte-toolbar").getByRole("button", { name: "굵게", exact: true }).isVisible()).toBe(true);
  await page.selectOption("#f-sectionId", String(section));
  await page.fill("#f-title", title);
}

/** A real paste event on the body, with the clipboard holding `data` (type → value). */
async function paste(page: Page, data: Record<string, string>) {
  await page.evaluate((d) => {
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(d)) dt.setData(type, value);
    document.getElementById("f-body")!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

/**
 * Ctrl+End, then wait until the editor itself has taken the new caret: ProseMirror reads the
 * browser's selection on "selectionchange", which fires after the key, so a paste sent at once
 * could still land where the caret was (in the last table cell, say).
 */
async function caretToEnd(page: Page) {
  await page.keyboard.press("Control+End");
  await poll(() =>
    page.evaluate(() => {
      const ed = (document.getElementById("f-body") as unknown as { editor: { state: { selection: { to: number }; doc: { content: { size: number } } } } }).editor;
      return ed.state.doc.content.size - ed.state.selection.to;
    }),
  ).toBe(1);
}

/** A paste (or a drop at the point x,y) of one file whose bytes are `b64`. */
async function sendFile(page: Page, how: "paste" | "drop", b64: string, name: string, at?: { x: number; y: number }, html?: string) {
  await page.evaluate(
    ({ how, b64, name, at, html }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type: "image/jpeg" }));
      if (html) dt.setData("text/html", html);
      const body = document.getElementById("f-body")!;
      const ev =
        how === "paste"
          ? new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true })
          : new DragEvent("drop", { dataTransfer: dt, clientX: at!.x, clientY: at!.y, bubbles: true, cancelable: true });
      body.dispatchEvent(ev);
    },
    { how, b64, name, at, html },
  );
}

/** One round trip through the page and the server: anything the page had started is done by then. */
const settle = (page: Page) => page.evaluate(async () => void (await fetch("/robots.txt")));

const emptyParagraphs = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll(".article-body p, .article-body li, .article-body blockquote")].filter((e) => !e.textContent?.trim() && !e.querySelector("img")).length);

// Several uploads, saves and page loads per test: a busy machine needs more than the default minute.
describe("the body editor", { timeout: 180_000 }, () => {
  it("writes with the toolbar and shortcuts; Enter in the title moves to the body; Ctrl+S saves; readers get the structure", async () => {
    await withPage(async (page) => {
      const title = `도서관 개관 소식 ${run}`;
      await newArticle(page, title);
      await page.press("#f-title", "Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-body");
      await page.keyboard.type("첫 문단입니다.");
      await page.keyboard.press("Enter");
      await button(page, "제목").click();
      await page.keyboard.type("둘째 마당");
      await poll(() => button(page, "제목").getAttribute("aria-pressed")).toBe("true");
      expect(await button(page, "문단").getAttribute("aria-pressed")).toBe("false");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Control+b");
      await page.keyboard.type("굵은 말");
      await poll(() => button(page, "굵게").getAttribute("aria-pressed")).toBe("true");
      await page.keyboard.press("Control+b");
      await page.keyboard.type(" 보통 말");
      await poll(() => button(page, "굵게").getAttribute("aria-pressed")).toBe("false");
      // Undo and redo, by keys and by buttons.
      await page.keyboard.type(" 지울 말");
      await page.keyboard.press("Control+z");
      await poll(() => page.textContent("#f-body")).not.toContain("지울 말");
      await page.keyboard.press("Control+Shift+z");
      await poll(() => page.textContent("#f-body")).toContain("지울 말");
      await button(page, "되돌리기").click();
      await poll(() => page.textContent("#f-body")).not.toContain("지울 말");
      await page.keyboard.press("Control+y");
      await poll(() => page.textContent("#f-body")).toContain("지울 말");
      // A list from the toolbar.
      await page.keyboard.press("Enter");
      await button(page, "목록").click();
      await page.keyboard.type("하나");
      await page.keyboard.press("Enter");
      await page.keyboard.type("둘");
      expect(await button(page, "목록").getAttribute("aria-pressed")).toBe("true");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Enter"); // an empty item ends the list
      // Ctrl+K on selected text: only http/https/mailto.
      await page.keyboard.type("도서관 안내");
      for (let i = 0; i < "도서관 안내".length; i++) await page.keyboard.press("Shift+ArrowLeft");
      await page.keyboard.press("Control+k");
      await page.locator("#rte-link-url").waitFor();
      await page.fill("#rte-link-url", "javascript:alert(1)");
      await page.press("#rte-link-url", "Enter");
      await poll(() => page.textContent("#rte-link-error")).toContain("http://, https:// 또는 mailto:");
      await page.fill("#rte-link-url", "https://library.example/info");
      await page.press("#rte-link-url", "Enter");
      await poll(() => page.locator(".rte-area a[href='https://library.example/info']").textContent()).toBe("도서관 안내");
      expect(page.url()).toContain("/admin/articles/new"); // none of those Enters submitted the form
      // A table: header row and cells by Tab.
      await page.keyboard.press("End");
      await page.keyboard.press("Enter");
      await button(page, "표").click();
      for (const cell of ["구분", "인원", "비고", "연길", "12", "토요일"]) {
        await page.keyboard.type(cell);
        await page.keyboard.press("Tab");
      }

      // Ctrl+S saves (as 저장: a draft stays a draft); a new article moves to its edit address.
      await page.keyboard.press("Control+s");
      await page.waitForURL(/\/admin\/articles\/\d+\/edit\?created=save/, { timeout: 30_000 });
      const id = idFromUrl(page);
      const saved = await row(id);
      expect(saved.status).toBe("DRAFT");
      expect(saved.title).toBe(title);
      expect(saved.body).toContain("<h2>둘째 마당</h2>");
      expect(saved.body).toContain("<ul><li>하나</li><li>둘</li></ul>");
      expect(saved.body).not.toMatch(/<p>\s*<\/p>|<li>\s*<\/li>/);

      await hydrated(page, "form.article-form");
      await page.click("button[value=publish]");
      await poll(async () => (await row(id)).status).toBe("PUBLISHED");
      await page.goto(`${base}/articles/${id}`);
      expect(await page.textContent(".article-body h2")).toBe("둘째 마당");
      expect(await page.locator(".article-body ul > li").allTextContents()).toEqual(["하나", "둘"]);
      expect(await page.textContent(".article-body strong")).toBe("굵은 말");
      expect(await page.getAttribute(".article-body a", "href")).toBe("https://library.example/info");
      expect(await page.locator(".article-body table thead th").allTextContents()).toEqual(["구분", "인원", "비고"]);
      expect(await page.locator(".article-body table tbody tr").first().locator("td").allTextContents()).toEqual(["연길", "12", "토요일"]);
      expect(await emptyParagraphs(page)).toBe(0);
    });
  });

  it("pastes Word and web-page HTML through real paste events (one without text/plain), keeping structure and dropping styling", async () => {
    await withPage(async (page) => {
      await newArticle(page, `붙여넣기 ${run}`);
      await page.click("#f-body");
      await paste(page, { "text/html": WORD, "text/plain": "워드의 평문 판은 쓰이지 않아야 한다" });
      await page.locator(".rte-area ol li").first().waitFor();
      expect(await page.textContent(".rte-area h2")).toBe("마을 도서관이 문을 열다");
      expect(await page.locator(".rte-area > ul > li").count()).toBe(2);
      expect(await page.textContent(".rte-area ul ul li")).toBe("그림책 코너");
      expect(await page.locator(".rte-area ol > li").allTextContents()).toEqual(["축사", "테이프 자르기"]);
      expect(await page.textContent(".rte-area td[colspan='2']")).toBe("시간");
      const text = (await page.textContent("#f-body")) ?? "";
      expect(text).not.toMatch(/[§·]|평문 판/);
      await poll(() => page.textContent(".rte-note")).toBe(FOREIGN); // Word's photo on the writer's disk

      // A clipboard with HTML only (no text/plain), from a web page.
      await caretToEnd(page);
      await paste(page, { "text/html": WEB });
      await page.locator(".rte-area h3").waitFor();
      expect(await page.textContent(".rte-area h3")).toBe("주민 반응");
      expect(await page.textContent(".rte-area blockquote")).toBe("“걷기 좋아졌어요.”");
      expect(await page.locator(".rte-area a[href^='javascript']").count()).toBe(0);
      expect(await page.locator(".rte-area a[href='mailto:desk@news.example']").count()).toBe(1);
      expect(await page.locator(".rte-area img").count()).toBe(0);

      await page.click("button[name=intent][value=save]");
      await page.waitForURL(/\/admin\/articles\/\d+\/edit\?created=save/, { timeout: 30_000 });
      const { body } = await row(idFromUrl(page));
      expect(body).toContain("<ul><li>어린이 열람실<ul><li>그림책 코너</li></ul></li><li>조용한 독서실</li></ul>");
      expect(body).toContain("<ol><li>축사</li><li>테이프 자르기</li></ol>");
      expect(body).toContain("<h2>강변 산책길 새로 단장</h2>");
      expect(body).not.toMatch(/style=|class=|Mso|<p>\s*<\/p>|§|script|iframe/);
    });
  });

  it("uploads pasted and dropped photos with visible progress; a refused file inserts nothing; caption and credit reach readers", async () => {
    await withPage(async (page) => {
      const title = `사진 붙이기 ${run}`;
      await newArticle(page, title);
      await page.click("#f-body");
      await page.keyboard.type("사진 앞 문단.");
      await page.click("button[name=intent][value=save]");
      await page.waitForURL(/\/admin\/articles\/\d+\/edit\?created=save/, { timeout: 30_000 });
      const id = idFromUrl(page);
      await hydrated(page, "form.article-form");
      await hydrated(page, ".rte");
      await page.click("#f-body");
      await caretToEnd(page);

      const progress = page.waitForSelector("[data-testid=upload-progress]", { state: "attached", timeout: 60_000 });
      await sendFile(page, "paste", jpeg, "river.jpg");
      expect(await (await progress).textContent()).toMatch(/사진 올리는 중… \d{1,3}%/);
      await page.locator(".rte-area figure img[src^='/media/']").waitFor({ timeout: 60_000 });
      await page.locator("[data-testid=upload-progress]").waitFor({ state: "detached", timeout: 60_000 });
      await page.fill(".rte-area figure input[data-field=caption]", "강가의 아침");
      await page.fill(".rte-area figure input[data-field=credit]", "사진=해란강뉴스");

      // Clicking the photo and typing writes in the body, never in the title.
      await page.click(".rte-area figure img");
      await page.keyboard.type("사진 다음 문장.");
      expect(await page.inputValue("#f-title")).toBe(title);
      await poll(() => page.textContent("#f-body")).toContain("사진 다음 문장.");
      expect(await page.locator(".rte-area figure").count()).toBe(1);

      // A photo dropped on the first paragraph.
      const box = (await page.locator(".rte-area p").first().boundingBox())!;
      await sendFile(page, "drop", jpeg, "bridge.jpg", { x: box.x + 5, y: box.y + box.height / 2 });
      await poll(() => page.locator(".rte-area figure img[src^='/media/']").count()).toBe(2);

      // Not a photo: the server's Korean message, nothing inserted.
      await sendFile(page, "paste", Buffer.from("이것은 사진이 아니다").toString("base64"), "fake.jpg");
      await poll(() => page.textContent(".rte-note")).toBe("JPEG, PNG, WebP, AVIF 사진만 올릴 수 있습니다.");
      expect(await page.locator(".rte-area figure").count()).toBe(2);
      // Word puts a picture of the copied text on the clipboard too: the text is what is pasted.
      await caretToEnd(page);
      await sendFile(page, "paste", jpeg, "image.png", undefined, "<p class=MsoNormal>워드에서 복사한 글</p>");
      await poll(() => page.textContent("#f-body")).toContain("워드에서 복사한 글");
      await settle(page);
      expect(await page.locator(".rte-area figure").count()).toBe(2);
      expect(await page.locator("[data-testid=upload-progress]").count()).toBe(0);

      await page.click("button[value=publish]");
      await poll(async () => (await row(id)).status).toBe("PUBLISHED");
      await page.goto(`${base}/articles/${id}`);
      expect(await page.locator(".article-body figure").count()).toBe(2);
      const caption = page.locator(".article-body figcaption").first();
      expect(await caption.textContent()).toBe("강가의 아침사진=해란강뉴스");
      expect(await caption.locator("small").textContent()).toBe("사진=해란강뉴스");
      expect(await page.locator(".article-body figure img[srcset]").count()).toBe(2);
      expect(await emptyParagraphs(page)).toBe(0);
    });
  });

  it("a published article: a stored body opened and saved is unchanged; Enter in the title does not save; Ctrl+S saves it live", async () => {
    const img = (await pool.query("SELECT storage_key, width, height FROM images ORDER BY id LIMIT 1")).rows[0] as { storage_key: string; width: number; height: number };
    const realistic = sanitizeBody(
      [
        `<p>연길시가 올해 <strong>마을 도서관</strong> 열두 곳을 새로 연다고 <em>밝혔다</em>. 자세한 내용은 <a href="https://library.example/plan">계획 안내</a>에서 볼 수 있다.<br>문의는 전화로 받는다.</p>`,
        `<h2>어디에 생기나</h2><ul><li>하나 마을<ul><li>어린이 방</li></ul></li><li><p>둘 마을</p><p>두 문단인 항목</p></li></ul><ol><li>첫 단계</li><li>둘째 단계</li></ol>`,
        `<blockquote><p>“책 읽을 곳이 가까워진다.”</p></blockquote><h3>예산</h3>`,
        `<figure><img src="/media/${img.storage_key}" alt="도서관 자리" width="${img.width}" height="${img.height}"><figcaption>새 도서관 자리<small>사진=해란강뉴스</small></figcaption></figure>`,
        `<table><thead><tr><th>마을</th><th colspan="2">좌석</th></tr></thead><tbody><tr><td rowspan="2">하나</td><td>30</td><td><p>가</p><p>나</p></td></tr><tr><td>40</td><td></td></tr></tbody></table>`,
      ].join("\n"),
    );
    const u = (await pool.query("SELECT id FROM users WHERE email = $1", [editor.email])).rows[0].id;
    const id = (
      await pool.query(
        `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, author_id, published_at, updated_at)
         VALUES ($1, $2, '', $3, '해란강뉴스', 'PUBLISHED', $4, now(), now()) RETURNING id`,
        [section, `게시된 기사 ${run}`, realistic, u],
      )
    ).rows[0].id as number;
    // The seed's own bodies too: a news article with a photo and one with a quote.
    const seeds = (
      await pool.query(
        `(SELECT id FROM articles WHERE body LIKE '%<figure>%' AND status = 'PUBLISHED' ORDER BY id LIMIT 1)
         UNION ALL (SELECT id FROM articles WHERE body LIKE '%<blockquote>%' AND status = 'PUBLISHED' ORDER BY id LIMIT 1)`,
      )
    ).rows.map((r) => r.id as number);
    expect(seeds).toHaveLength(2);

    await withPage(async (page) => {
      const path = `/admin/articles/${id}/edit`;
      await signInThrough(page, base, editor, path);
      const openAndSave = async (p: string) => {
        await page.goto(base + p);
        await hydrated(page, "form.article-form");
        await hydrated(page, ".rte");
        await page.click("button[name=intent][value=save]");
        await poll(() => page.textContent(".save-box .form-message")).toBe("저장했습니다.");
      };
      await openAndSave(path);
      const first = (await row(id)).body as string;
      // Byte for byte what was stored before the editor touched it (srcset is the server's own).
      expect(first.replace(/ (srcset|sizes)="[^"]*"/g, "")).toBe(realistic);
      for (const s of seeds) {
        await openAndSave(`/admin/articles/${s}/edit`);
        const once = (await row(s)).body;
        await openAndSave(`/admin/articles/${s}/edit`);
        expect((await row(s)).body, `seed article ${s}`).toBe(once);
      }
      // One seed article of every section, without saving: what the editor would send cleans
      // to exactly what the stored body cleans to.
      const perSection = (await pool.query("SELECT DISTINCT ON (section_id) id, body FROM articles WHERE id <> ALL($1) ORDER BY section_id, id", [[id, ...seeds]])).rows;
      expect(perSection.length).toBeGreaterThan(5);
      let rewritten = 0;
      for (const a of perSection as { id: number; body: string }[]) {
        await page.goto(`${base}/admin/articles/${a.id}/edit`);
        await hydrated(page, ".rte");
        const sent = await page.locator("input[type=hidden][name=body]").inputValue();
        expect(sanitizeBody(sent), `article ${a.id}`).toBe(sanitizeBody(a.body));
        if (sent !== a.body) rewritten++;
      }
      // The value came from the editor's own serialisation, not the stored text passed through.
      expect(rewritten).toBeGreaterThan(0);

      await page.goto(base + path);
      await hydrated(page, "form.article-form");
      await hydrated(page, ".rte");
      await page.fill("#f-title", `게시된 기사 고친 제목 ${run}`);
      await page.press("#f-title", "Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-body");
      await page.fill("#f-subtitle", "고친 부제목");
      await page.press("#f-subtitle", "Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-body");
      await settle(page);
      expect((await row(id)).title).toBe(`게시된 기사 ${run}`);
      await caretToEnd(page);
      await page.keyboard.type("덧붙인 문장.");
      await page.keyboard.press("Control+s");
      await poll(async () => (await row(id)).title).toBe(`게시된 기사 고친 제목 ${run}`);
      const after = await row(id);
      expect(after.status).toBe("PUBLISHED");
      expect(after.body).toContain("덧붙인 문장.");
      await page.goto(`${base}/articles/${id}`);
      expect(await page.textContent("h1")).toBe(`게시된 기사 고친 제목 ${run}`);
      expect(await page.locator(".article-body figcaption small").textContent()).toBe("사진=해란강뉴스");
      expect(await page.locator(".article-body td[rowspan='2']").textContent()).toBe("하나");
    });
  });

  it("without JavaScript the HTML textarea saves, and the server cleans it to the same model", async () => {
    const u = (await pool.query("SELECT id FROM users WHERE email = $1", [editor.email])).rows[0].id;
    const id = (
      await pool.query(
        `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, author_id, updated_at)
         VALUES ($1, $2, '', '<p>처음</p>', '해란강뉴스', 'DRAFT', $3, now()) RETURNING id`,
        [section, `자바스크립트 없이 ${run}`, u],
      )
    ).rows[0].id as number;
    await withPage(
      async (page) => {
        const path = `/admin/articles/${id}/edit`;
        await page.goto(base + path);
        await page.waitForURL(/\/admin\/login\?next=/);
        await page.fill("#f-email", editor.email);
        await page.fill("#f-password", editor.password);
        await page.click("form.sign-in-form button[type=submit]");
        await page.waitForURL((url) => url.pathname === path);
        expect(await page.locator("textarea#f-body[name=body]").inputValue()).toBe("<p>처음</p>");
        await page.fill("textarea#f-body", `<p></p><p>글<ul><li>가</li><li></li></ul></p><blockquote></blockquote><h1 style="color:red">큰 제목</h1><p><br></p><table><tr><th>가</th></tr><tr><td onclick="x()">1</td></tr></table>`);
        await page.click("button[name=intent][value=save]");
        await poll(async () => (await row(id)).body).toBe("<p>글</p><ul><li>가</li></ul><h2>큰 제목</h2><table><thead><tr><th>가</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>");
      },
      { javaScriptEnabled: false },
    );
  });

  it("keeps the save bar on screen while scrolling a long article, on a phone too", async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 700 }]) {
      await withPage(
        async (page) => {
          await newArticle(page, `긴 기사 ${run}`);
          await page.click("#f-body");
          await paste(page, { "text/plain": Array.from({ length: 60 }, (_, i) => `${i + 1}번째 문단입니다. 긴 기사를 쓰는 중입니다.`).join("\n\n") });
          await poll(() => page.locator(".rte-area p").count()).toBe(60);
          await page.locator(".rte-area p").nth(45).scrollIntoViewIfNeeded();
          await page.mouse.wheel(0, 400);
          const save = page.locator("button[name=intent][value=save]");
          await poll(async () => {
              const b = await save.boundingBox();
              return !!b && b.y >= 0 && b.y + b.height <= viewport.height;
            })
            .toBe(true);
        },
        { viewport },
      );
    }
  });
});
