// The newsroom's lists in real Chromium on the production build: an editor searches the
// article list over title and body (drafts included), sorts it by a column and publishes the
// ticked drafts at once; a moderator finds comments by a typed address, hides them at once,
// adds a banned word, and a reader's comment with that word is refused with the text kept.
import { createHmac, randomBytes } from "node:crypto";
import pg from "pg";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUserAt } from "../../lib/auth/bootstrap";
import { hydrated, signInThrough, withPage } from "../support/browser";

const base = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const serverEnv = inject("serverEnv");
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
afterAll(() => pool.end());
const sql = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await pool.query<T>(text, params)).rows;

const run = randomBytes(3).toString("hex");
const editor = { email: `lists-${run}@example.com`, password: `lists-${run}-password`, role: "EDITOR" as const, name: "목록편집" };
let sectionId: number;

beforeAll(async () => {
  await createUserAt(databaseUrl, editor);
  [{ id: sectionId }] = await sql<{ id: number }>("SELECT id FROM sections WHERE hidden = false ORDER BY position, id LIMIT 1");
});

/** Outcomes on a busy machine: poll generously (expect.poll waits one second by default). */
const slow = { timeout: 30_000, interval: 200 };
const signIn = (page: Page, path: string) => signInThrough(page, base, editor, path);

/** The keyed hash the server stores for a client address (lib/comments/ip-hash.ts, IPv4). */
async function addressHash(ip: string): Promise<string> {
  // The server makes its key on first use: a captcha request is a use.
  if (!serverEnv.COMMENT_IP_SECRET) expect((await fetch(`${base}/api/captcha`)).status).toBe(200);
  const secret = serverEnv.COMMENT_IP_SECRET || (await sql<{ value: string }>("SELECT value FROM settings WHERE key = 'comment_ip_secret'"))[0]?.value;
  expect(secret, "comment IP secret").toBeTruthy();
  return createHmac("sha256", secret!).update(ip).digest("hex");
}

describe("the article list", () => {
  it("an editor finds drafts by a word of their body, sorts by a column, and publishes the ticked ones at once", async () => {
    // A word of our own, in the body only, so the search finds exactly these drafts.
    const word = `뗏목${run}`;
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [r] = await sql<{ id: number }>(
        `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, updated_at, author_id)
         VALUES ($1, $2, '', $3, '해란강뉴스', 'DRAFT', now() - make_interval(mins => $4), NULL) RETURNING id`,
        [sectionId, `두만강 초안 ${run} ${i}`, `<p>로인들이 <b>${word}</b>을 탄다</p>`, i],
      );
      ids.push(r.id);
    }
    await withPage(async (page) => {
      await signIn(page, "/admin/articles");
      await page.getByLabel("찾을 말").fill(`${word} 노인`);
      await page.getByRole("button", { name: "찾기" }).click();
      await page.waitForURL(/q=/);
      const titles = () => page.locator(".admin-table tbody td:nth-child(2) > a").allTextContents();
      // Newest change first by default; 노인 finds 로인 in the body.
      expect(await titles()).toEqual([0, 1, 2].map((i) => `두만강 초안 ${run} ${i}`));
      // The column heading sorts by it; a second click turns the order round.
      const heading = page.getByRole("link", { name: /^고친 때/ });
      expect(await heading.getAttribute("href")).toMatch(/dir=asc/);
      await heading.click();
      await page.waitForURL(/dir=asc/);
      await expect.poll(titles, slow).toEqual([2, 1, 0].map((i) => `두만강 초안 ${run} ${i}`));
      expect(await page.locator("th[aria-sort=ascending]").textContent()).toContain("고친 때");

      await hydrated(page, "form.bulk-bar");
      await page.getByLabel("모두 고르기").check();
      await page.getByRole("button", { name: "게시", exact: true }).click();
      await expect.poll(() => page.locator("form.bulk-bar [role=status]").textContent(), slow).toBe("3건 게시");
      await expect.poll(() => page.locator(".admin-table tbody .status").allTextContents(), slow).toEqual(["게시됨", "게시됨", "게시됨"]);
    });
    const rows = await sql<{ status: string }>("SELECT status FROM articles WHERE id = ANY($1)", [ids]);
    expect(rows.map((r) => r.status)).toEqual(["PUBLISHED", "PUBLISHED", "PUBLISHED"]);
    // Readers see them at once.
    expect((await fetch(`${base}/articles/${ids[0]}`)).status).toBe(200);
  });

  it("works without JavaScript: tick a box, submit, and the page says what happened", async () => {
    const [{ id }] = await sql<{ id: number }>(
      `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, updated_at) VALUES ($1, $2, '', '<p>x</p>', 's', 'DRAFT', now()) RETURNING id`,
      [sectionId, `스크립트 없이 ${run}`],
    );
    await withPage(
      async (page) => {
        // The sign-in form posts without JavaScript too.
        await page.goto(`${base}/admin/articles`);
        await page.waitForURL(/\/admin\/login\?next=/);
        await page.fill("#f-email", editor.email);
        await page.fill("#f-password", editor.password);
        await page.click("form.sign-in-form button[type=submit]");
        await page.waitForURL((u) => u.pathname === "/admin/articles");
        await page.goto(`${base}/admin/articles?q=${encodeURIComponent(`스크립트 없이 ${run}`)}`);
        await page.locator(`input[name=ids][value="${id}"]`).check();
        await page.getByRole("button", { name: "휴지통으로" }).click();
        await expect.poll(() => page.locator("form.bulk-bar [role=status]").textContent(), slow).toBe("1건 휴지통으로 옮김");
      },
      { javaScriptEnabled: false },
    );
    expect((await sql<{ deleted_at: Date | null }>("SELECT deleted_at FROM articles WHERE id = $1", [id]))[0].deleted_at).not.toBeNull();
  });
});

describe("comment moderation", () => {
  it("a moderator finds comments by address, hides them at once, and a banned word stops a reader's comment with the text kept", async () => {
    const [{ id: articleId }] = await sql<{ id: number }>(
      `SELECT id FROM articles WHERE status = 'PUBLISHED' AND deleted_at IS NULL ORDER BY published_at DESC, id DESC OFFSET 5 LIMIT 1`,
    );
    const spam = await addressHash("203.0.113.77");
    const other = await addressHash("198.51.100.77");
    const mine = await sql<{ id: number }>(
      `INSERT INTO comments (article_id, nickname, body, ip_hash) VALUES ($1, '광고꾼', '싸게 팝니다 ${run}', $2), ($1, '또광고', '또 팝니다 ${run}', $2), ($1, '독자', '좋은 기사 ${run}', $3) RETURNING id`,
      [articleId, spam, other],
    );
    const banned = `멍청이${run}`;
    await withPage(async (page) => {
      await signIn(page, "/admin/comments");
      await page.getByLabel("IP 주소", { exact: true }).first().fill("203.0.113.77");
      await page.getByRole("button", { name: "찾기" }).click();
      await page.waitForURL(/ip=203\.0\.113\.77/);
      const listed = () => page.locator(".comment-list li[data-comment-id]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-comment-id"))));
      expect((await listed()).sort((a, b) => a - b)).toEqual([mine[0].id, mine[1].id]);

      await hydrated(page, "form.bulk-bar");
      await page.getByLabel("모두 고르기").check();
      await page.getByRole("button", { name: "숨기기", exact: true }).first().click();
      await expect.poll(() => page.locator("form.bulk-bar [role=status]").textContent(), slow).toBe("2개 숨김");
      await expect.poll(() => page.locator(".comment-list li.is-hidden").count(), slow).toBe(2);

      await hydrated(page, "form.banned-words-form");
      await page.getByLabel(/^금지어/).fill(`광고문의, ${banned}`);
      await page.getByRole("button", { name: "금지어 저장" }).click();
      await expect.poll(() => page.locator("#banned-words-result").textContent(), slow).toBe("금지어 2개를 저장했습니다.");

      // Block the address with a reason from the list and a note: listed with who and until when.
      await hydrated(page, "form.block-address-form");
      const form = page.locator("form.block-address-form");
      await form.getByLabel("IP 주소").fill("203.0.113.77");
      await form.locator("select[name=reasonCode]").selectOption({ label: "도배" });
      await form.getByLabel("사유 덧붙임").fill(`같은 광고 ${run}`);
      await form.getByRole("button", { name: "주소 차단" }).click();
      await expect.poll(() => page.locator("#block-address-result").textContent(), slow).toContain("이 작성자의 댓글을 막았습니다");
      const row = page.locator("table.block-list tbody tr").filter({ hasText: `도배: 같은 광고 ${run}` });
      await expect.poll(() => row.count(), slow).toBe(1);
      expect(await row.textContent()).toContain(editor.name);
      expect(await row.textContent()).toContain(spam.slice(0, 8));
    });
    const statuses = await sql<{ id: number; status: string }>("SELECT id, status FROM comments WHERE id = ANY($1) ORDER BY id", [mine.map((m) => m.id)]);
    expect(statuses.map((s) => s.status)).toEqual(["HIDDEN", "HIDDEN", "VISIBLE"]);

    // A reader writes the word spaced out: refused, named, nothing stored, the text still there.
    await sql(`UPDATE comment_client_limits SET last_post_at = NULL, failures = 0, failures_since = NULL`);
    await sql(`UPDATE captcha_challenges SET created_at = created_at - interval '1 day'`);
    const spaced = Array.from(banned).join(" ");
    const text = `이 기사 쓴 사람은 ${spaced} 같다`;
    await withPage(async (page) => {
      await page.goto(`${base}/articles/${articleId}`);
      await hydrated(page, "#comment-form");
      await page.locator("#comment-form .comment-captcha-box").scrollIntoViewIfNeeded();
      await page.waitForFunction(() => {
        const el = document.querySelector<HTMLImageElement>("#comment-form img");
        return !!el && el.complete && el.naturalWidth > 0;
      });
      const cookie = (await page.context().cookies()).find((c) => c.name === "captcha_id");
      const [{ answer }] = await sql<{ answer: string }>("SELECT answer FROM captcha_challenges WHERE id = $1", [cookie!.value]);
      await page.getByLabel("닉네임").fill("지나가던독자");
      await page.getByLabel("댓글 내용").fill(text);
      await page.getByLabel("인증코드").fill(answer);
      await page.getByRole("button", { name: "댓글 올리기" }).click();
      const message = `'${banned}'은(는) 쓸 수 없는 낱말입니다.`;
      await expect.poll(() => page.locator("#comment-body-error").textContent(), slow).toContain(message);
      expect(await page.getByLabel("댓글 내용").inputValue()).toBe(text);
      expect(await page.getByLabel("닉네임").inputValue()).toBe("지나가던독자");
    });
    expect(await sql("SELECT id FROM comments WHERE body = $1", [text])).toEqual([]);
  });
});
