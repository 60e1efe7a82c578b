// What a reader gets from the production build: real Chromium for rendering, plain fetch
// for status codes, and the database (seeded by e2e-global-setup.ts) as the source of truth.
import pg from "pg";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { hydrated, withPage } from "../support/browser";

const base = inject("baseUrl");
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(() => pool.end());

const PUBLISHED = `status = 'PUBLISHED' AND deleted_at IS NULL`;
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await pool.query<T>(text, params)).rows;
}

type Row = { id: number; title: string; ms: number; source_name: string; byline: string | null; editor_name: string | null; section_id: number; body: string };
/** published_at as epoch ms: node-postgres would read `timestamp` in this process's zone. */
const ARTICLE_COLS = `id, title, (extract(epoch FROM published_at) * 1000)::float8 AS ms, source_name, byline, editor_name, section_id, body`;

const get = (path: string, init: RequestInit = {}) => fetch(base + path, { redirect: "manual", ...init });

/** `2024년10월28일 12시04분` in China time, computed with Intl (independent of the app's code). */
function chinaMeta(ms: number): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}년${p.month}월${p.day}일 ${p.hour.padStart(2, "0")}시${p.minute.padStart(2, "0")}분`;
}

async function open(page: Page, path: string) {
  const res = await page.goto(base + path, { waitUntil: "load" });
  expect(res?.status(), `status of ${path}`).toBe(200);
}

/** The list block (`Total : N`, items, pager) as a reader sees it. */
async function readList(page: Page) {
  return page.evaluate(() => {
    const totalEl = [...document.querySelectorAll("main *")].find((e) => e.children.length === 0 && /^Total : \d+$/.test(e.textContent!.trim()));
    if (!totalEl) return null;
    let box = totalEl.parentElement!;
    while (box.parentElement && !box.querySelector("li")) box = box.parentElement;
    const items = [...box.querySelectorAll("li")]
      .filter((li) => li.querySelector('a[href^="/articles/"]'))
      .map((li) => ({
        title: [...li.querySelectorAll('a[href^="/articles/"]')].map((a) => a.textContent!.trim()).find(Boolean) ?? "",
        excerpt: li.querySelector("p")?.textContent?.trim() ?? "",
        date: li.querySelector("time")?.textContent?.trim() ?? "",
      }));
    const pager = [...box.querySelectorAll("nav")].pop();
    return { total: Number(/\d+/.exec(totalEl.textContent!)![0]), items, pager: pager ? (pager as HTMLElement).innerText : "" };
  });
}

async function landmarks(page: Page) {
  return page.evaluate(() => ({
    h1: document.querySelectorAll("h1").length,
    header: document.querySelectorAll("header").length,
    nav: document.querySelectorAll("nav").length,
    main: document.querySelectorAll("main").length,
    footer: document.querySelectorAll("footer").length,
  }));
}

function expectPageShell(l: Awaited<ReturnType<typeof landmarks>>) {
  expect(l.h1, "exactly one <h1>").toBe(1);
  expect(l.main, "one <main>").toBe(1);
  expect(l.header).toBeGreaterThanOrEqual(1);
  expect(l.nav).toBeGreaterThanOrEqual(1);
  expect(l.footer).toBeGreaterThanOrEqual(1);
}

describe("home page", () => {
  it("shows a top story, latest news, a box with a photo per section and a most-read list", async () => {
    const sections = await sql<{ slug: string }>(
      `SELECT s.slug FROM sections s WHERE NOT s.hidden AND EXISTS (SELECT 1 FROM articles a WHERE a.section_id = s.id AND a.${PUBLISHED}) ORDER BY s.position, s.id`,
    );
    await withPage(async (page) => {
      await open(page, "/");
      expectPageShell(await landmarks(page));
      const home = await page.evaluate(() => {
        const articleLinks = (el: Element) => el.querySelectorAll('a[href^="/articles/"]').length;
        const byHeading = (re: RegExp) => [...document.querySelectorAll("main h2")].find((h) => re.test(h.textContent!))?.closest("section, aside");
        const firstWithPhoto = [...document.querySelectorAll('main a[href^="/articles/"]')].find((a) => a.querySelector("img"));
        const img = firstWithPhoto?.querySelector("img");
        return {
          topStory: img ? { loaded: img.complete && img.naturalWidth > 0, top: img.getBoundingClientRect().top } : null,
          latest: byHeading(/최신/) ? articleLinks(byHeading(/최신/)!) : 0,
          mostRead: byHeading(/많이 본/) ? articleLinks(byHeading(/많이 본/)!) : 0,
          boxes: [...document.querySelectorAll("main section")]
            .filter((s) => s.querySelector('h2 a[href^="/categories/"]'))
            .map((s) => ({
              slug: s.querySelector('h2 a[href^="/categories/"]')!.getAttribute("href")!.split("/").pop(),
              photo: s.querySelector("img")?.getAttribute("src") ?? null,
              links: articleLinks(s),
            })),
        };
      });
      expect(home.topStory, "a top story with a photo").not.toBeNull();
      expect(home.topStory!.loaded, "top story photo loaded").toBe(true);
      expect(home.topStory!.top).toBeLessThan(900);
      expect(home.latest).toBeGreaterThanOrEqual(5);
      // Ten entries: the last week of publishing, topped up from all time on a quiet archive.
      expect(home.mostRead).toBe(10);
      expect(home.boxes.map((b) => b.slug)).toEqual(sections.map((s) => s.slug));
      for (const b of home.boxes) {
        expect(b.links, `articles in box ${b.slug}`).toBeGreaterThan(0);
        expect(b.photo, `photo in box ${b.slug}`).toBeTruthy();
        const img = await fetch(new URL(b.photo!, base));
        expect(img.status, `photo ${b.photo}`).toBe(200);
        expect(img.headers.get("content-type")).toMatch(/^image\//);
      }
    });
  });

  it("has a header with the logo and the section menu, and a footer with the operator", async () => {
    const visible = await sql<{ slug: string }>(`SELECT slug FROM sections WHERE NOT hidden`);
    await withPage(async (page) => {
      await open(page, "/");
      const shell = await page.evaluate(() => ({
        logo: !!document.querySelector('header a[href="/"]'),
        menu: [...document.querySelectorAll('header nav a[href^="/categories/"]')].map((a) => a.getAttribute("href")!),
        footer: (document.querySelector("footer") as HTMLElement | null)?.innerText ?? "",
      }));
      expect(shell.logo, "logo links home").toBe(true);
      expect(shell.menu.length).toBeGreaterThanOrEqual(10);
      for (const href of shell.menu) {
        expect(visible.map((s) => `/categories/${s.slug}`)).toContain(href);
        expect((await get(href)).status, href).toBe(200);
      }
      expect(shell.footer).toMatch(/주소/);
      expect(shell.footer).toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(shell.footer).toMatch(/ICP|\d{6,}/);
      expect(shell.footer).toMatch(/Copyright/);
    });
  });
});

describe("article page", () => {
  it("shows title, meta line in China time, body, byline, 编辑 line and the section list", async () => {
    const [a] = await sql<Row>(
      `SELECT ${ARTICLE_COLS} FROM articles WHERE ${PUBLISHED} AND byline IS NOT NULL AND editor_name IS NOT NULL ORDER BY published_at DESC, id DESC OFFSET 3 LIMIT 1`,
    );
    expect(a, "seeded article with byline and editor").toBeTruthy();
    const [{ n: sectionTotal }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM articles WHERE section_id = $1 AND ${PUBLISHED}`, [a.section_id]);

    // The browser sits in yet another zone than the server (America/Los_Angeles, see setup).
    await withPage(
      async (page) => {
        await open(page, `/articles/${a.id}`);
        expectPageShell(await landmarks(page));
        expect((await page.locator("h1").innerText()).trim()).toBe(a.title);

        const text = await page.locator("main").innerText();
        const meta = text.split("\n").find((l) => l.includes("조회:")) ?? "";
        expect(meta).toMatch(/\d{4}년\d{1,2}월\d{1,2}일 \d{2}시\d{2}분/);
        expect(meta).toMatch(/조회:\d+/);
        expect(meta).toContain(a.source_name);
        expect(meta, "published_at shown in UTC+8").toContain(chinaMeta(a.ms));

        const entities: Record<string, string> = { "&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" };
        const bodyText = a.body.replace(/<[^>]+>/g, " ").replace(/&(nbsp|lt|gt|quot|#39|amp);/g, (e) => entities[e]).replace(/\s+/g, " ").trim();
        expect(text.replace(/\s+/g, " ")).toContain(bodyText.slice(0, 40));
        expect(text).toContain(a.byline!);
        expect(text.split("\n").some((l) => l.trim().startsWith(`编辑:`) && l.includes(a.editor_name!))).toBe(true);

        const list = await readList(page);
        expect(list, "section list with `Total : N`").not.toBeNull();
        expect(list!.total).toBe(sectionTotal);
        expect(list!.items).toHaveLength(Math.min(10, sectionTotal));
        for (const item of list!.items) {
          expect(item.title).not.toBe("");
          expect(item.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(item.excerpt.endsWith("...") || item.excerpt.length <= 160, `excerpt: ${item.excerpt}`).toBe(true);
        }
        const dates = list!.items.map((i) => i.date);
        expect(dates, "newest first").toEqual([...dates].sort().reverse());
        for (const label of ["‹처음", "이전", "다음", "맨뒤›", "1", "2"]) expect(list!.pager).toContain(label);
      },
      { timezoneId: "Europe/Berlin" },
    );
  });

  it("lets the reader enlarge the body text", async () => {
    const [a] = await sql<Row>(`SELECT ${ARTICLE_COLS} FROM articles WHERE ${PUBLISHED} AND body LIKE '<p>%' ORDER BY id LIMIT 1`);
    const firstParagraph = /<p>([^<]{10,})/.exec(a.body)?.[1] ?? "";
    expect(firstParagraph, "article body with a plain first paragraph").not.toBe("");
    await withPage(async (page) => {
      await open(page, `/articles/${a.id}`);
      const para = page.getByText(firstParagraph.trim().slice(0, 20)).first();
      const size = async () => parseFloat(await para.evaluate((el) => getComputedStyle(el).fontSize));
      const served = await size(); // the stylesheet's size, before the control runs
      await hydrated(page, ".font-size-control"); // before that the button is inert HTML
      // A first visit (nothing remembered) keeps the default step: once, an empty memory was
      // read as the smallest step, so every new reader's text shrank as the page loaded (and
      // "글자 작게" was disabled, in the same render that marks the control hydrated).
      expect(await page.getByRole("button", { name: "글자 작게" }).isEnabled()).toBe(true);
      const before = await size();
      expect(before).toBe(served);
      await page.getByRole("button", { name: /크게|확대|가\+/ }).first().click();
      await expect.poll(size, { timeout: 30_000 }).toBeGreaterThan(before);
    });
  });

  it("answers unknown and unpublished articles with a Korean 404 page", async () => {
    const [draft] = await sql<{ id: number }>(
      `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, updated_at)
       SELECT id, '공개 전 기사', '요약', '<p>본문</p>', '테스트', 'DRAFT', now() FROM sections ORDER BY id LIMIT 1 RETURNING id`,
    );
    try {
      for (const path of ["/articles/99999999", "/articles/abc", "/articles/0", `/articles/${draft.id}`, "/categories/no-such-section"]) {
        const res = await get(path);
        expect(res.status, path).toBe(404);
        expect(await res.text(), path).toMatch(/찾을 수 없습니다/);
      }
    } finally {
      await sql(`DELETE FROM articles WHERE id = $1`, [draft.id]);
    }
  });
});

describe("lists and paging", () => {
  it("pages through the archive down to the oldest article", async () => {
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM articles WHERE ${PUBLISHED}`);
    const [oldest] = await sql<{ title: string }>(`SELECT title FROM articles WHERE ${PUBLISHED} ORDER BY published_at ASC, id ASC LIMIT 1`);
    const [newest] = await sql<{ title: string }>(`SELECT title FROM articles WHERE ${PUBLISHED} ORDER BY published_at DESC, id DESC LIMIT 1`);
    const last = Math.ceil(n / 10);
    await withPage(async (page) => {
      await open(page, "/archive");
      expectPageShell(await landmarks(page));
      const first = await readList(page);
      expect(first!.total).toBe(n);
      expect(first!.items).toHaveLength(10);
      expect(first!.items[0].title).toBe(newest.title);

      await page.getByRole("link", { name: "다음", exact: true }).first().click();
      await page.waitForURL(/[?&]page=2\b/);
      const second = await readList(page);
      expect(second!.items).toHaveLength(10);
      expect(second!.items[0].title).not.toBe(first!.items[0].title);

      await open(page, `/archive?page=${last}`);
      const end = await readList(page);
      expect(end!.items.length).toBe(n - (last - 1) * 10);
      expect(end!.items.at(-1)!.title).toBe(oldest.title);
    });
    expect((await get(`/archive?page=${last + 1}`)).status).toBe(404);
  });

  it("pages through a section", async () => {
    const [s] = await sql<{ id: number; slug: string; n: number }>(
      `SELECT s.id, s.slug, count(*)::int AS n FROM sections s JOIN articles a ON a.section_id = s.id AND a.${PUBLISHED}
        WHERE NOT s.hidden GROUP BY s.id ORDER BY n DESC LIMIT 1`,
    );
    expect(s.n).toBeGreaterThan(10);
    const [eleventh] = await sql<{ title: string }>(
      `SELECT title FROM articles WHERE section_id = $1 AND ${PUBLISHED} ORDER BY published_at DESC, id DESC OFFSET 10 LIMIT 1`,
      [s.id],
    );
    await withPage(async (page) => {
      await open(page, `/categories/${s.slug}?page=2`);
      expectPageShell(await landmarks(page));
      const list = await readList(page);
      expect(list!.total).toBe(s.n);
      expect(list!.items[0].title).toBe(eleventh.title);
      for (const label of ["‹처음", "이전", "다음", "맨뒤›"]) expect(list!.pager).toContain(label);
    });
    expect((await get(`/categories/${s.slug}?page=${Math.ceil(s.n / 10) + 1}`)).status).toBe(404);
  });

  it("never fails on a malformed page number", async () => {
    const [s] = await sql<{ slug: string }>(`SELECT slug FROM sections WHERE NOT hidden ORDER BY position, id LIMIT 1`);
    for (const list of ["/archive", `/categories/${s.slug}`]) {
      for (const bad of ["abc", "-1", "0", "1e9", "2.5", "99999999999"]) {
        const res = await get(`${list}?page=${bad}`);
        const to = res.headers.get("location");
        const redirectedToFirst = res.status >= 300 && res.status < 400 && !!to && new URL(to, base).pathname === list && /^(\?page=1)?$/.test(new URL(to, base).search);
        expect(res.status === 404 || redirectedToFirst, `${list}?page=${bad} → ${res.status} ${to ?? ""}`).toBe(true);
      }
    }
  });
});

describe("service", () => {
  it("reports health as JSON", async () => {
    const res = await get("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it("reads the database as its own role, which owns the tables and is no superuser", async () => {
    expect((await get("/api/health")).status).toBe(200); // the server's pool holds a connection now
    const users = await sql<{ usename: string }>(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
    );
    const [me] = await sql<{ rolsuper: boolean; owns: boolean }>(
      `SELECT rolsuper, (SELECT tableowner = current_user FROM pg_tables WHERE tablename = 'articles') AS owns FROM pg_roles WHERE rolname = current_user`,
    );
    // The tests connect as the server does (setup's databaseUrl): one role, not `postgres`.
    expect(users.map((u) => u.usename)).toEqual(["portal"]);
    expect(me).toEqual({ rolsuper: false, owns: true });
  });
});

describe("small screens", () => {
  it("do not scroll sideways on the home and article pages (375 px)", async () => {
    const [a] = await sql<{ id: number }>(`SELECT id FROM articles WHERE ${PUBLISHED} AND cover_image_id IS NOT NULL ORDER BY published_at DESC LIMIT 1`);
    await withPage(
      async (page) => {
        for (const path of ["/", `/articles/${a.id}`]) {
          await open(page, path);
          const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
          expect(width, `scrollWidth of ${path}`).toBeLessThanOrEqual(376);
        }
      },
      { viewport: { width: 375, height: 812 } },
    );
  });
});

describe("조회 (views)", () => {
  const views = async (id: number) => (await sql<{ v: number }>(`SELECT view_count AS v FROM articles WHERE id = $1`, [id]))[0].v;
  const shown = (page: Page) => page.locator("[data-views]").first().getAttribute("data-views").then(Number);

  it("counts one view per address, article and day and shows the live count", async () => {
    const [{ id }] = await sql<{ id: number }>(`SELECT id FROM articles WHERE ${PUBLISHED} ORDER BY published_at DESC, id DESC OFFSET 7 LIMIT 1`);
    const v0 = await views(id);
    await withPage(async (page) => {
      await open(page, `/articles/${id}`);
      await expect.poll(() => shown(page), { timeout: 10_000 }).toBe(v0 + 1);
      await expect.poll(() => views(id)).toBe(v0 + 1);
      expect(await page.locator("main").innerText()).toContain(`조회:${v0 + 1}`);

      // Same visit (same tab, so same sessionStorage): the reload must not count again.
      const beacon = page.waitForResponse((r) => r.url().includes(`/api/views/${id}`));
      await page.reload();
      await beacon;
      await expect.poll(() => shown(page)).toBe(v0 + 1);
      expect(await views(id)).toBe(v0 + 1);
    });
    await withPage(async (page) => {
      // A new visit from the same address on the same China-time day does not count again.
      const beacon = page.waitForResponse((r) => r.url().includes(`/api/views/${id}`));
      await open(page, `/articles/${id}`);
      await beacon;
      await expect.poll(() => shown(page), { timeout: 10_000 }).toBe(v0 + 1);
    });
    expect(await views(id)).toBe(v0 + 1);
  });

  it("does not count crawlers", async () => {
    const [{ id }] = await sql<{ id: number }>(`SELECT id FROM articles WHERE ${PUBLISHED} ORDER BY published_at DESC, id DESC OFFSET 8 LIMIT 1`);
    const v0 = await views(id);
    await withPage(
      async (page) => {
        await page.goto(`${base}/articles/${id}`, { waitUntil: "networkidle" });
        expect(await page.locator("h1").count()).toBe(1);
      },
      { userAgent: GOOGLEBOT },
    );
    const res = await get(`/api/views/${id}`, { method: "POST", headers: { "user-agent": GOOGLEBOT } });
    expect(res.status).toBe(200);
    expect(await views(id)).toBe(v0);
  });
});
