// Search on the production build in real Chromium: the header box, Seoul spelling finding
// the seed's Chinese-Korean text with the words marked, the pager, and bad input.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withPage } from "../support/browser";

const base = inject("baseUrl");
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
afterAll(() => pool.end());

let pair: string; // two words of one title, one of them 로인
let common: string; // a word in more than one page of articles
let section: { slug: string; name: string }; // a section with articles containing `common`

beforeAll(async () => {
  // The demo content is written in Chinese-Korean spelling (로인, never 노인).
  const published = `status = 'PUBLISHED' AND deleted_at IS NULL`;
  const t = await pool.query<{ title: string }>(`SELECT title FROM articles WHERE ${published} AND title LIKE '%로인%' ORDER BY id LIMIT 1`);
  expect(t.rows).toHaveLength(1);
  const other = t.rows[0].title.split(/\s+/).find((w) => !w.includes("로인") && /^[가-힣]{2,}$/.test(w));
  pair = `로인 ${other ?? ""}`.trim();
  const c = await pool.query<{ w: string }>(
    `SELECT w FROM unnest(ARRAY['로인', '연길', '학교', '경제', '주민']) w
      WHERE (SELECT count(*) FROM articles WHERE ${published} AND title || body LIKE '%' || w || '%') > 20 LIMIT 1`,
  );
  common = c.rows[0].w;
  const sec = await pool.query(
    `SELECT s.slug, s.name FROM sections s JOIN articles a ON a.section_id = s.id
      WHERE a.${published} AND a.title || a.body LIKE '%' || $1 || '%' GROUP BY s.id ORDER BY count(*) DESC LIMIT 1`,
    [common],
  );
  section = sec.rows[0];
});

describe("search", () => {
  it("finds 로인 when the reader types 노인 in the header box, and marks it", async () => {
    await withPage(async (page) => {
      await page.goto(`${base}/`);
      const box = page.getByRole("search").first().getByLabel("기사 검색");
      await box.fill("노인");
      await box.press("Enter");
      await page.waitForURL(/\/search\?q=/);
      expect(new URL(page.url()).searchParams.get("q")).toBe("노인");
      await expect.poll(() => page.locator("h1").textContent()).toContain("‘노인’ 검색 결과");
      const items = page.locator(".search-results .list-item");
      expect(await items.count()).toBeGreaterThan(0);
      const marks = await page.locator(".search-results mark").allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.every((m) => m === "로인" || m === "노인")).toBe(true);
      expect(marks).toContain("로인");
      // Every result shows the word, marked, in its title or its excerpt.
      for (let i = 0; i < (await items.count()); i++) expect(await items.nth(i).locator("mark").count()).toBeGreaterThan(0);
    });
  });

  it("works without JavaScript, with several words, a section and the pager", async () => {
    await withPage(
      async (page) => {
        await page.goto(`${base}/search`);
        await expect.poll(() => page.locator(".search-guidance").textContent()).toContain("로인");
        await page.locator("#search-page-q").fill(pair);
        await page.locator("#search-page-q").press("Enter");
        await page.waitForURL(/\/search\?q=/);
        expect(await page.locator(".search-results .list-total").textContent()).toMatch(/Total : \d+/);
        const first = page.locator(".search-results .list-item").first();
        for (const w of pair.split(" ")) expect(await first.locator("mark", { hasText: w }).count(), w).toBeGreaterThan(0);
        const status = (await page.goto(`${base}/search?q=${encodeURIComponent(common)}&page=2`))!.status();
        expect(status).toBe(200);
        expect(await page.locator(".pager [aria-current=page]").textContent()).toBe("2");
        // One section only: chosen in the page's form, kept by the pager.
        await page.locator("#search-page-q-section").selectOption(section.slug);
        await page.locator("#search-page-q").press("Enter");
        await page.waitForURL(/section=/);
        expect(await page.locator("h1").textContent()).toContain(`(${section.name})`);
        const names = await page.locator(".search-results .list-section").allTextContents();
        expect(names.length).toBeGreaterThan(0);
        expect(new Set(names)).toEqual(new Set([section.name]));
        const next = await page.locator(".pager a.pager-num").first().getAttribute("href");
        if (next) expect(next).toContain(`section=${section.slug}`);
      },
      { javaScriptEnabled: false },
    );
  });

  it("shows markup in a query as text and answers malformed input truthfully", async () => {
    await withPage(async (page) => {
      const res = await page.goto(`${base}/search?q=${encodeURIComponent('<img src=x onerror="window.hacked=1">%_')}`);
      expect(res!.status()).toBe(200);
      expect(await page.locator("h1").textContent()).toContain('<img src=x onerror="window.hacked=1">');
      expect(await page.locator("main img[src=x]").count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    });
    for (const [path, status] of [
      ["/search?q=%EA%B2%BD%EC%A0%9C&page=abc", 404],
      ["/search?q=%EA%B2%BD%EC%A0%9C&page=0", 404],
      ["/search?q=%EA%B2%BD%EC%A0%9C&page=999999", 404],
      ["/search?q=%EA%B2%BD%EC%A0%9C&section=no-such-section", 404],
      ["/search?q=", 200],
      [`/search?q=${"가".repeat(300)}`, 200],
    ] as const) {
      expect((await fetch(base + path)).status, path).toBe(status);
    }
  });
});
