// Every pager link a reader can click (or Next can prefetch) answers 200 at once: page 1 of a
// list is its bare URL and page 1 of the comments is the article, never a form that the proxy
// answers with a 301 (lib/urls.ts builds them, lib/seo/canonical.ts decides what is canonical).
import pg from "pg";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withPage } from "../support/browser";

const base = inject("baseUrl");
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
afterAll(() => pool.end());

const PUBLISHED = `status = 'PUBLISHED' AND deleted_at IS NULL`;
const sql = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await pool.query<T>(text, params)).rows;

let section: { id: number; slug: string };
let common: string; // a word found in more than two pages of articles
let thread: number; // an article with three pages of comments

beforeAll(async () => {
  [section] = await sql<{ id: number; slug: string }>(
    `SELECT s.id, s.slug FROM sections s JOIN articles a ON a.section_id = s.id AND a.${PUBLISHED}
      WHERE NOT s.hidden GROUP BY s.id HAVING count(*) > 30 ORDER BY count(*) DESC LIMIT 1`,
  );
  [{ w: common }] = await sql<{ w: string }>(
    `SELECT w FROM unnest(ARRAY['연길', '학교', '경제', '주민', '로인']) w
      WHERE (SELECT count(*) FROM articles WHERE ${PUBLISHED} AND title || body LIKE '%' || w || '%') > 30 LIMIT 1`,
  );
  // An article in the section's list that no other test opens, so its cached page is rendered
  // after these comments exist: 45 comments make three pages of 20.
  [{ id: thread }] = await sql<{ id: number }>(`SELECT id FROM articles WHERE section_id = $1 AND ${PUBLISHED} AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.article_id = articles.id)
      ORDER BY published_at ASC, id ASC OFFSET 7 LIMIT 1`, [
    section.id,
  ]);
  await sql(
    `INSERT INTO comments (article_id, nickname, body, ip_hash, created_at)
     SELECT $1, '독자', '페지 댓글 ' || n, 'e2e-pager', timestamp '2021-01-01' + n * interval '1 minute' FROM generate_series(1, 45) n`,
    [thread],
  );
});

/**
 * Opens `path` in Chromium, brings every pager into view (that is when Next prefetches its
 * links) and returns the pagers' links; fails if any response the page received was a redirect.
 */
async function pagerLinks(page: Page, path: string): Promise<{ label: string; links: { text: string; href: string }[] }[]> {
  const redirects: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 300 && r.status() < 400) redirects.push(`${r.status()} ${r.url()}`);
  });
  const res = await page.goto(base + path, { waitUntil: "load" });
  expect(res?.status(), path).toBe(200);
  const pagers = page.getByRole("navigation", { name: /페지 이동$/ });
  for (let i = 0; i < (await pagers.count()); i++) await pagers.nth(i).scrollIntoViewIfNeeded();
  // Prefetches follow a 301 again and again and the page never idles: the assertion below
  // then names the redirects instead of a timeout.
  await page.waitForLoadState("networkidle").catch(() => {});
  const found = await pagers.evaluateAll((navs) =>
    navs.map((nav) => ({
      label: nav.getAttribute("aria-label")!,
      links: [...nav.querySelectorAll("a")].map((a) => ({ text: a.textContent!.trim(), href: a.getAttribute("href")! })),
    })),
  );
  expect(redirects, `redirects met on ${path}`).toEqual([]);
  return found;
}

/** Each link, fetched the way a click would (the fragment stays in the browser), answers 200 itself. */
async function expectAllAnswer200(links: { href: string }[]) {
  for (const href of new Set(links.map((l) => l.href))) {
    const res = await fetch(new URL(href, base), { redirect: "manual" });
    expect(`${res.status} ${res.headers.get("location") ?? ""}`.trim(), href).toBe("200");
  }
}

const pageOne = (links: { text: string; href: string }[]) => [...new Set(links.filter((l) => l.text === "‹처음" || l.text === "1").map((l) => l.href))];

describe("pager links", () => {
  it("on the archive lead to pages that answer 200, page 1 to /archive itself", async () => {
    await withPage(async (page) => {
      const [pager] = await pagerLinks(page, "/archive?page=2");
      expect(pageOne(pager.links)).toEqual(["/archive"]);
      expect(pager.links.some((l) => l.href === "/archive?page=3")).toBe(true);
      await expectAllAnswer200(pager.links);
    });
  });

  it("on a section lead to pages that answer 200, page 1 to the section's bare address", async () => {
    await withPage(async (page) => {
      const [pager] = await pagerLinks(page, `/categories/${section.slug}?page=3`);
      expect(pageOne(pager.links)).toEqual([`/categories/${section.slug}`]);
      await expectAllAnswer200(pager.links);
    });
  });

  it("under an article (the section's list and the comments) answer 200", async () => {
    await withPage(async (page) => {
      const pagers = await pagerLinks(page, `/articles/${thread}`);
      const comments = pagers.find((p) => p.label === "댓글 페지 이동");
      expect(comments?.links.map((l) => l.href)).toContain(`/articles/${thread}/comments/p/2`);
      expect(pagers.length).toBe(2);
      await expectAllAnswer200(pagers.flatMap((p) => p.links));
    });
  });

  it("on a page of older comments lead back to the article for page 1, and answer 200", async () => {
    await withPage(async (page) => {
      const [pager] = await pagerLinks(page, `/articles/${thread}/comments/p/2`);
      expect(pageOne(pager.links)).toEqual([`/articles/${thread}#comments`]);
      expect(pager.links.map((l) => l.href)).toContain(`/articles/${thread}/comments/p/3`);
      await expectAllAnswer200(pager.links);
    });
  });

  it("on search results keep the query, drop the number for page 1, and answer 200", async () => {
    await withPage(async (page) => {
      const q = encodeURIComponent(common);
      const [pager] = await pagerLinks(page, `/search?q=${q}&page=2`);
      expect(pageOne(pager.links)).toEqual([`/search?q=${q}`]);
      expect(pager.links.some((l) => l.href === `/search?q=${q}&page=3`)).toBe(true);
      await expectAllAnswer200(pager.links);
    });
  });
});
