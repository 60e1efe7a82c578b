// Reader comments in real Chromium on the production build: the captcha answer is read from
// the database (the test plays a reader who can read the picture), everything else is what
// a reader sees and does.
import pg from "pg";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { hydrated, withPage } from "../support/browser";

const base = inject("baseUrl");
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(() => pool.end());

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await pool.query<T>(text, params)).rows;
}

let articleId: number;
let otherId: number;

beforeAll(async () => {
  const rows = await sql<{ id: number }>(
    `SELECT id FROM articles WHERE status = 'PUBLISHED' AND deleted_at IS NULL ORDER BY published_at DESC, id DESC OFFSET 3 LIMIT 2`,
  );
  [articleId, otherId] = rows.map((r) => r.id);
});

// Every test (and every other e2e file) comes from 127.0.0.1; "wait" out the per-client limits
// instead of sleeping: the 30-second interval, the failure window and the challenges-per-10-
// minutes count (the limits themselves are tested below and in tests/int).
beforeEach(async () => {
  await sql(`UPDATE comment_client_limits SET last_post_at = NULL, failures = 0, failures_since = NULL`);
  await sql(`UPDATE captcha_challenges SET created_at = created_at - interval '1 day'`);
});

const stored = async (body: string) => Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM comments WHERE body = $1`, [body]))[0].n);
const unique = (s: string) => `${s} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Whether the page runs scripts: the parser keeps <noscript> as text only when it does. */
const scripting = (page: Page) =>
  page.evaluate(() => {
    const probe = document.createElement("div");
    probe.innerHTML = "<noscript><i></i></noscript>";
    return probe.querySelector("noscript i") === null;
  });

/** Scrolls to the captcha, waits for its picture, and "reads" it: the answer of the cookie's challenge. */
async function readCaptcha(page: Page, previousSrc?: string): Promise<string> {
  // With JavaScript, wait for the form's island: a click before would be a full-page post.
  if (await scripting(page)) await hydrated(page, "#comment-form");
  // With JavaScript the picture is only requested once the reader comes near the form.
  await page.locator("#comment-form .comment-captcha-box").scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (prev) => {
      const el = document.querySelector<HTMLImageElement>("#comment-form img");
      return !!el && el.complete && el.naturalWidth > 0 && el.getAttribute("src") !== prev;
    },
    previousSrc ?? null,
  );
  const cookie = (await page.context().cookies()).find((c) => c.name === "captcha_id");
  expect(cookie, "captcha cookie").toBeDefined();
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  const [row] = await sql<{ answer: string }>(`SELECT answer FROM captcha_challenges WHERE id = $1`, [cookie!.value]);
  return row.answer;
}

async function fill(page: Page, fields: { nickname: string; body: string; captcha: string }) {
  await page.getByLabel("닉네임").fill(fields.nickname);
  await page.getByLabel("댓글 내용").fill(fields.body);
  await page.getByLabel("인증코드").fill(fields.captcha);
}

const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ });

/** Fills the form with the right captcha, posts it and waits for the form to say it is posted. */
async function post(page: Page, fields: { nickname: string; body: string }) {
  await fill(page, { ...fields, captcha: await readCaptcha(page) });
  await page.getByRole("button", { name: "댓글 올리기" }).click();
  await expect.poll(() => status(page).textContent()).toBe("댓글을 올렸습니다.");
}
const captchaSrc = (page: Page) => page.locator("#comment-form img").getAttribute("src") as Promise<string>;
const cacheState = async (path: string) => (await fetch(base + path)).headers.get("x-nextjs-cache");

describe("comments with JavaScript", () => {
  it("posts with the right captcha without a reload; the next visitor sees it while other pages stay cached", async () => {
    const path = `/articles/${articleId}`;
    // Both pages cached before the post.
    for (const p of [path, `/articles/${otherId}`]) {
      await fetch(base + p);
      expect(await cacheState(p)).toBe("HIT");
    }
    const body = unique("연길의 봄이 왔습니다.\n둘째 줄도 있습니다");
    await withPage(async (page) => {
      await page.goto(base + path);
      const answer = await readCaptcha(page);
      await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
      const countBefore = Number(await page.locator(".comments-count").first().textContent());
      await fill(page, { nickname: "해란강", body, captcha: answer });
      // Slow the action down a little to see the pending state.
      await page.route(`**/articles/${articleId}`, async (route) => {
        if (route.request().method() === "POST") await new Promise((r) => setTimeout(r, 800));
        await route.continue();
      });
      await page.getByRole("button", { name: "댓글 올리기" }).click();
      const pending = page.getByRole("button", { name: "올리는 중…" });
      await pending.waitFor();
      expect(await pending.isDisabled()).toBe(true);
      await expect.poll(() => status(page).textContent()).toBe("댓글을 올렸습니다.");
      expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

      const item = page.locator(".comment", { hasText: body.split("\n")[1] });
      await expect.poll(() => item.count()).toBe(1);
      expect(await item.locator(".comment-nick").textContent()).toBe("해란강");
      expect(await item.locator(".comment-text").innerText()).toBe(body); // line break kept
      expect(await item.locator("time").textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(Number(await page.locator(".comments-count").first().textContent())).toBe(countBefore + 1);
      // The form is ready for the next comment: text emptied, nickname kept.
      expect(await page.getByLabel("댓글 내용").inputValue()).toBe("");
      expect(await page.getByLabel("닉네임").inputValue()).toBe("해란강");
    });
    expect(await stored(body)).toBe(1);

    // Time in China time, whatever the server's zone.
    const [row] = await sql<{ ms: number }>(`SELECT (extract(epoch FROM created_at) * 1000)::float8 AS ms FROM comments WHERE body = $1`, [body]);
    const china = new Date(row.ms + 8 * 3600_000).toISOString().replace("T", " ").slice(0, 16);

    const next = await fetch(base + path);
    const html = await next.text();
    expect(html).toContain(body.split("\n")[1]);
    expect(html).toContain(china);
    expect(await cacheState(path)).toBe("HIT"); // cached again right away
    expect(await cacheState(`/articles/${otherId}`)).toBe("HIT"); // never re-rendered
  });

  it("refuses a wrong captcha next to the field, keeps what was typed, stores nothing", async () => {
    const body = unique("틀린 인증코드로 보낸 글");
    await withPage(async (page) => {
      await page.goto(`${base}/articles/${articleId}`);
      const answer = await readCaptcha(page);
      const before = await captchaSrc(page);
      const wrong = String((Number(answer[0]) + 1) % 10) + answer.slice(1);
      await fill(page, { nickname: "두만강", body, captcha: wrong });
      await page.getByRole("button", { name: "댓글 올리기" }).click();
      const captcha = page.getByLabel("인증코드");
      await expect.poll(() => captcha.getAttribute("aria-invalid")).toBe("true");
      const described = (await captcha.getAttribute("aria-describedby"))!.split(" ");
      const error = await page.locator(`#${described.find((d) => d.endsWith("-error"))}`).textContent();
      expect(error).toBe("인증코드가 맞지 않습니다. 새로 나온 그림의 수자를 입력하세요.");
      expect(await page.getByLabel("닉네임").inputValue()).toBe("두만강");
      expect(await page.getByLabel("댓글 내용").inputValue()).toBe(body);
      expect(await captcha.inputValue()).toBe("");
      // A new picture (and challenge) for the next try, and it works.
      const again = await readCaptcha(page, before);
      expect(await captchaSrc(page)).not.toBe(before);
      await captcha.fill(again);
      await page.getByRole("button", { name: "댓글 올리기" }).click();
      await expect.poll(() => status(page).textContent()).toBe("댓글을 올렸습니다.");
    });
    expect(await stored(body)).toBe(1);
  });

  it("shows each invalid field's Korean message next to it", async () => {
    await withPage(async (page) => {
      await page.goto(`${base}/articles/${articleId}`);
      await readCaptcha(page);
      await fill(page, { nickname: "   ", body: "", captcha: "12ab" });
      await page.getByRole("button", { name: "댓글 올리기" }).click();
      await expect.poll(() => page.locator("#comment-nickname-error").textContent()).toBe("닉네임을 입력하세요.");
      expect(await page.locator("#comment-body-error").textContent()).toBe("댓글 내용을 입력하세요.");
      expect(await page.locator("#comment-captcha-error").textContent()).toBe("인증코드는 수자로만 입력하세요.");
      expect(await status(page).textContent()).toBe("입력한 내용을 확인하세요.");
    });
  });

  it("shows markup as the characters typed, never running it", async () => {
    const body = unique(`<img src=x onerror="window.pwned=1"><script>window.pwned=1</script><b>굵게</b>`);
    await withPage(async (page) => {
      await page.goto(`${base}/articles/${articleId}`);
      await fill(page, { nickname: "<i>닉</i>", body, captcha: await readCaptcha(page) });
      await page.getByLabel("인증코드").press("Enter"); // Enter posts (it does not refresh the captcha)
      await expect.poll(() => status(page).textContent()).toBe("댓글을 올렸습니다.");
      await page.reload();
      const item = page.locator(".comment", { hasText: body.slice(-12) });
      expect(await item.locator(".comment-text").textContent()).toBe(body);
      expect(await item.locator(".comment-nick").textContent()).toBe("<i>닉</i>");
      expect(await item.locator("b, i, img, script").count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    });
  });

  it("refuses a second comment within 30 seconds and says why", async () => {
    const first = unique("첫번째 글");
    const second = unique("곧바로 두번째 글");
    await withPage(async (page) => {
      await page.goto(`${base}/articles/${articleId}`);
      await post(page, { nickname: "도배", body: first });
      const before = await captchaSrc(page);
      await page.getByRole("button", { name: "새 인증코드" }).click();
      const answer = await readCaptcha(page, before);
      await page.getByLabel("댓글 내용").fill(second);
      await page.getByLabel("인증코드").fill(answer);
      await page.getByRole("button", { name: "댓글 올리기" }).click();
      await expect.poll(() => status(page).textContent()).toMatch(/^댓글은 30초에 한 번만 올릴 수 있습니다\. \d+초 뒤에 다시 올려주세요\.$/);
      expect(await page.getByLabel("댓글 내용").inputValue()).toBe(second);
    });
    expect(await stored(first)).toBe(1);
    expect(await stored(second)).toBe(0);
  });

  it("keeps the digits out of the page: only a no-store PNG with an httpOnly cookie carries them", async () => {
    const res = await fetch(`${base}/api/captcha`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(res.headers.get("set-cookie")).toMatch(/^captcha_id=[\w-]+; .*HttpOnly; SameSite=lax/i);
    const id = /^captcha_id=([\w-]+)/.exec(res.headers.get("set-cookie")!)![1];
    const [{ answer }] = await sql<{ answer: string }>(`SELECT answer FROM captcha_challenges WHERE id = $1`, [id]);
    expect(answer).toMatch(/^\d{5,6}$/);
    expect(new Uint8Array(await res.arrayBuffer()).slice(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));

    await withPage(
      async (page) => {
        // A reader who never scrolls to the comments creates no challenge.
        await page.goto(`${base}/articles/${articleId}`, { waitUntil: "networkidle" });
        expect(await page.locator("#comment-form img").count()).toBe(0);
        expect((await page.context().cookies()).map((c) => c.name)).not.toContain("captcha_id");
      },
      { viewport: { width: 1280, height: 400 } },
    );
    await withPage(async (page) => {
      await page.goto(`${base}/articles/${articleId}`);
      const shown = await readCaptcha(page);
      const html = await page.content();
      expect(html).not.toContain(shown);
      const alt = await page.locator("#comment-form img").getAttribute("alt");
      expect(alt).not.toMatch(/\d/);
    });
  });
});

describe("comments without JavaScript", () => {
  it("posts with a plain form post and shows the comment after the redirect", async () => {
    const body = unique("스크립트 없이 쓴 댓글");
    await withPage(
      async (page) => {
        await page.goto(`${base}/articles/${articleId}`);
        const answer = await readCaptcha(page);
        await fill(page, { nickname: "무스크립트", body, captcha: answer });
        await Promise.all([page.waitForURL(/#c\d+$/), page.getByRole("button", { name: "댓글 올리기" }).click()]);
        expect(new URL(page.url()).pathname).toBe(`/articles/${articleId}`);
        const id = new URL(page.url()).hash.slice(1);
        expect(await page.locator(`#${id} .comment-text`).textContent()).toBe(body);
      },
      { javaScriptEnabled: false },
    );
    expect(await stored(body)).toBe(1);
  });

  it("shows errors next to the fields with the typed values kept, and a new picture", async () => {
    const body = unique("스크립트 없이 틀린 인증");
    await withPage(
      async (page) => {
        await page.goto(`${base}/articles/${articleId}`);
        const answer = await readCaptcha(page);
        const wrong = String((Number(answer[0]) + 1) % 10) + answer.slice(1);
        await fill(page, { nickname: "무스크립트", body, captcha: wrong });
        await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "댓글 올리기" }).click()]);
        await page.waitForSelector("#comment-captcha-error:not(:empty)");
        expect(await page.locator("#comment-captcha-error").textContent()).toBe("인증코드가 맞지 않습니다. 새로 나온 그림의 수자를 입력하세요.");
        expect(await page.getByLabel("닉네임").inputValue()).toBe("무스크립트");
        expect(await page.getByLabel("댓글 내용").inputValue()).toBe(body);

        // "새 인증코드" without JavaScript: the typed text survives, the picture is new.
        const before = await captchaSrc(page);
        await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "새 인증코드" }).click()]);
        await page.waitForFunction((prev) => document.querySelector("#comment-form img")?.getAttribute("src") !== prev, before);
        expect(await page.getByLabel("댓글 내용").inputValue()).toBe(body);
        const fresh = await readCaptcha(page, before);
        await page.getByLabel("인증코드").fill(fresh);
        await Promise.all([page.waitForURL(/#c\d+$/), page.getByRole("button", { name: "댓글 올리기" }).click()]);
      },
      { javaScriptEnabled: false },
    );
    expect(await stored(body)).toBe(1);
  });
});

describe("long threads", () => {
  it("shows the newest 20 under the article and older ones on cached comment pages; hidden ones disappear", async () => {
    const [{ id: threadId }] = await sql<{ id: number }>(
      `SELECT id FROM articles a WHERE status = 'PUBLISHED' AND deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.article_id = a.id) ORDER BY id LIMIT 1`,
    );
    await sql(
      `INSERT INTO comments (article_id, nickname, body, ip_hash, created_at)
       SELECT $1, '독자', '옛 댓글 ' || n, 'e2e', timestamp '2020-01-01' + n * interval '1 minute' FROM generate_series(1, 30) n`,
      [threadId],
    );
    await sql(`UPDATE comments SET status = 'HIDDEN' WHERE article_id = $1 AND body = '옛 댓글 29'`, [threadId]);
    const seq = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => `옛 댓글 ${from - i}`);
    const latest = unique("새 댓글");
    await withPage(async (page) => {
      // A reader's post expires every cached page of this thread (the rows above were written
      // behind the app's back).
      await page.goto(`${base}/articles/${threadId}`);
      await post(page, { nickname: "독자", body: latest });
      await page.reload();
      const first = await page.locator(".comment-text").allTextContents();
      expect(first).toEqual([latest, "옛 댓글 30", ...seq(28, 11)]); // 29 is hidden
      expect(await page.locator(".comments-count").textContent()).toBe("30");

      const pager = page.locator("#comments, .comments").getByRole("navigation", { name: "페지 이동" });
      await Promise.all([page.waitForURL(/\/comments\/p\/2$/), pager.getByRole("link", { name: "2" }).click()]);
      expect(await page.locator(".comment-text").allTextContents()).toEqual(seq(10, 1));
      expect(await page.locator("h1").textContent()).toContain("댓글 30");
      expect(await pager.getByRole("link", { name: "1" }).getAttribute("href")).toBe(`/articles/${threadId}#comments`);
    });
    expect((await fetch(`${base}/articles/${threadId}/comments/p/2`)).headers.get("x-nextjs-cache")).toBe("HIT");
    expect((await fetch(`${base}/articles/${threadId}/comments/p/99`)).status).toBe(404);
    expect((await fetch(`${base}/articles/${threadId}/comments/p/abc`)).status).toBe(404);
  });
});
