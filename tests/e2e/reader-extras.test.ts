// What surrounds the reader's pages on the production build, in real Chromium against the
// seeded database: the 404 and 410 pages in the site's frame (whichever part of the portal
// answered), the article page's right-hand column, previous/next links and share block (with
// its QR code), the back-to-top link, the print stylesheet, the icons and web app manifest,
// and heading levels that never skip.
import { randomBytes } from "node:crypto";
import pg from "pg";
import QRCode from "qrcode";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { STATUS_TEXT } from "../../lib/site/status-text";
import { hydrated, withPage } from "../support/browser";

const base = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const sql = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await pool.query<T>(text, params)).rows;

const PUBLISHED = `status = 'PUBLISHED' AND deleted_at IS NULL`;
const run = randomBytes(3).toString("hex");
const TAG = { slug: `e2e-extras-${run}`, name: `연길맛집${run}` };

type Ctx = { id: number; title: string; sectionId: number; prev: { id: number; title: string }; next: { id: number; title: string } };
/** An article in the middle of the biggest section (both neighbours exist), well away from the newest. */
let mid: Ctx;
let tagId: number;

beforeAll(async () => {
  [mid] = await sql<Ctx>(
    `WITH big AS (SELECT section_id FROM articles WHERE ${PUBLISHED} GROUP BY section_id ORDER BY count(*) DESC, section_id LIMIT 1),
          ordered AS (SELECT id, title, section_id, published_at,
                             lag(id) OVER w AS prev_id, lead(id) OVER w AS next_id
                        FROM articles WHERE ${PUBLISHED} AND section_id = (SELECT section_id FROM big)
                      WINDOW w AS (ORDER BY published_at, id))
     SELECT o.id, o.title, o.section_id AS "sectionId",
            json_build_object('id', p.id, 'title', p.title) AS prev, json_build_object('id', n.id, 'title', n.title) AS next
       FROM ordered o JOIN articles p ON p.id = o.prev_id JOIN articles n ON n.id = o.next_id
      ORDER BY o.published_at DESC, o.id DESC OFFSET 12 LIMIT 1`,
  );
  expect(mid, "an article with both neighbours").toBeTruthy();
  // The seed writes no tags: one of our own on a few articles, for the tag page.
  [{ id: tagId }] = await sql<{ id: number }>(`INSERT INTO tags (slug, name) VALUES ($1, $2) RETURNING id`, [TAG.slug, TAG.name]);
  await sql(
    `INSERT INTO article_tags (article_id, tag_id) SELECT id, $1 FROM articles WHERE ${PUBLISHED} ORDER BY published_at DESC, id DESC OFFSET 100 LIMIT 3`,
    [tagId],
  );
});

afterAll(async () => {
  if (tagId) await sql(`DELETE FROM tags WHERE id = $1`, [tagId]);
  await pool.end();
});

/** The frame of a page as a reader sees it: the parts a 404 or 410 page must keep. */
function frameOf(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    logo: !!document.querySelector('header a[href="/"]'),
    headerSearch: !!document.querySelector('header form[role=search] input[name="q"]'),
    menu: [...document.querySelectorAll('nav.section-nav a[href^="/categories/"]')].map((a) => ({ slug: a.getAttribute("href")!.split("/").pop()!, name: a.textContent!.trim() })),
    h1: [...document.querySelectorAll("h1")].map((h) => h.textContent!.trim()),
    latest: [...document.querySelectorAll('section.status-latest a[href^="/articles/"]')].map((a) => ({ id: Number(a.getAttribute("href")!.split("/").pop()), title: a.textContent!.trim() })),
    footer: (document.querySelector("footer.site-footer") as HTMLElement | null)?.innerText ?? null,
  }));
}

async function expectFrame(frame: Awaited<ReturnType<typeof frameOf>>, kind: keyof typeof STATUS_TEXT, what: string) {
  const sections = await sql<{ slug: string; name: string }>(`SELECT slug, name FROM sections WHERE NOT hidden ORDER BY position, id`);
  expect(frame.lang, `${what}: lang`).toBe("ko");
  expect(frame.logo, `${what}: logo links home`).toBe(true);
  expect(frame.headerSearch, `${what}: the header's search box`).toBe(true);
  expect(frame.menu, `${what}: the section menu`).toEqual(sections);
  expect(frame.h1, `${what}: the heading`).toEqual([STATUS_TEXT[kind].title]);
  expect(frame.latest.length, `${what}: links to the newest articles`).toBeGreaterThan(0);
  const rows = await sql<{ id: number; title: string }>(`SELECT id, title FROM articles WHERE ${PUBLISHED} AND id = ANY($1::int[])`, [frame.latest.map((l) => l.id)]);
  const titles = new Map(rows.map((r) => [r.id, r.title]));
  for (const l of frame.latest) expect(titles.get(l.id), `${what}: /articles/${l.id} is published, with its title`).toBe(l.title);
  const newest = await sql<{ id: number }>(`SELECT id FROM articles WHERE ${PUBLISHED} ORDER BY published_at DESC, id DESC LIMIT 50`);
  expect(newest.some((n) => titles.has(n.id)), `${what}: among the newest articles`).toBe(true);
  expect(frame.footer, `${what}: the footer`).toMatch(/Copyright/);
}

describe("404 and 410 pages", () => {
  const MISSING = [
    "/no-such-page",
    "/a/b/c",
    "/old-page.html",
    "/articles/999999999",
    "/categories/no-such-section",
    "/archive/p/99999",
    "/archive?page=99999",
    "/bbs/board.php?bo_table=nosuch&wr_id=1",
    "/board/read/nosuch/1",
  ];

  it("every kind of missing page answers 404 with the site's header, menu, search box, newest articles and footer", async () => {
    await withPage(async (page) => {
      for (const path of MISSING) {
        // The reader's final answer: /archive/p/N is the internal form of /archive?page=N (301).
        const res = await page.goto(base + path);
        expect([path, res?.status()]).toEqual([path, 404]);
        await expectFrame(await frameOf(page), "missing", path);
      }
    });
  });

  it("a POST to an unmatched address is a 404 too, with the same page", async () => {
    for (const path of ["/no-such-page", "/a/b/c"]) {
      const res = await fetch(base + path, { method: "POST", body: "x=1", headers: { "Content-Type": "application/x-www-form-urlencoded" }, redirect: "manual" });
      expect([path, res.status]).toEqual([path, 404]);
      const html = await res.text();
      expect(html).toContain(`<h1>${STATUS_TEXT.missing.title}</h1>`);
      expect(html).toMatch(/<nav class="section-nav"/);
    }
  });

  it("an article moved to the bin answers 410 in the same frame, and 200 again once restored", async () => {
    // Another section than the article the other tests read, so their neighbours stay put.
    const [a] = await sql<{ id: number }>(
      `SELECT id FROM articles WHERE ${PUBLISHED} AND section_id <> $1 ORDER BY published_at DESC, id DESC OFFSET 60 LIMIT 1`,
      [mid.sectionId],
    );
    expect((await fetch(`${base}/articles/${a.id}`)).status).toBe(200);
    // As another instance's desk does it: the row, then the notice every server listens for
    // (lib/data/gone.ts announceBinned; lib/events/channels.ts). The server's periodic re-read of
    // the bin would find it too, within GONE_REFRESH_MS. The admin's own button is driven in
    // tests/e2e/cluster.test.ts; here the lists' caches must stay as they were for the files after.
    await sql(`UPDATE articles SET deleted_at = now() WHERE id = $1`, [a.id]);
    await sql(`SELECT pg_notify('portal_gone', $1)`, [`bin:${a.id}`]);
    try {
      await withPage(async (page) => {
        await expect.poll(async () => (await page.goto(`${base}/articles/${a.id}`))?.status(), { timeout: 30_000, interval: 500 }).toBe(410);
        await expectFrame(await frameOf(page), "gone", `/articles/${a.id}`);
        expect(await page.title()).toContain(STATUS_TEXT.gone.title);
      });
    } finally {
      await sql(`UPDATE articles SET deleted_at = NULL WHERE id = $1`, [a.id]);
      await sql(`SELECT pg_notify('portal_gone', $1)`, [`restore:${a.id}`]);
    }
    await expect.poll(async () => (await fetch(`${base}/articles/${a.id}`)).status, { timeout: 30_000, interval: 500 }).toBe(200);
  });

  it("on a 375-px phone the 404 page's search box fits the screen and searches", async () => {
    const [{ title }] = await sql<{ title: string }>(`SELECT title FROM articles WHERE ${PUBLISHED} ORDER BY published_at DESC, id DESC LIMIT 1`);
    const word = title.split(/\s+/).find((w) => /^[가-힣]{2,}$/.test(w)) ?? "연길";
    for (const path of ["/no-such-page", "/articles/999999999"]) {
      await withPage(
        async (page) => {
          expect((await page.goto(base + path))?.status()).toBe(404);
          const box = page.locator('header form[role=search] input[name="q"]');
          await box.waitFor({ state: "visible" });
          const r = (await box.boundingBox())!;
          expect(r.x, `${path}: left edge on screen`).toBeGreaterThanOrEqual(0);
          expect(r.x + r.width, `${path}: right edge on screen`).toBeLessThanOrEqual(375);
          expect(r.width, `${path}: wide enough to type in`).toBeGreaterThanOrEqual(120);
          const button = (await page.locator('header form[role=search] button[type="submit"]').boundingBox())!;
          expect(button.x + button.width, `${path}: the search button on screen`).toBeLessThanOrEqual(375);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path}: no sideways scrolling`).toBeLessThanOrEqual(375);
          await box.fill(word);
          await box.press("Enter");
          await page.waitForURL(/\/search\?q=/);
          expect(new URL(page.url()).searchParams.get("q")).toBe(word);
          expect(await page.locator("h1").textContent()).toContain(word);
        },
        { viewport: { width: 375, height: 740 } },
      );
    }
  });
});

/** The article page's parts around the article. */
function aroundArticle(page: Page) {
  return page.evaluate(() => {
    const box = (sel: string) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      return r ? { x: r.x + scrollX, y: r.y + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY } : null;
    };
    const ids = (sel: string) => [...document.querySelectorAll(sel)].map((a) => Number(a.getAttribute("href")!.split("/").pop()));
    return {
      article: box("article.article"),
      aside: box("aside.article-aside"),
      asideLatest: ids('aside.article-aside ul a[href^="/articles/"]'),
      asideMostRead: ids('aside.article-aside ol a[href^="/articles/"]'),
      prev: document.querySelector("nav.article-neighbours a[rel=prev]")?.getAttribute("href") ?? null,
      next: document.querySelector("nav.article-neighbours a[rel=next]")?.getAttribute("href") ?? null,
      prevText: document.querySelector("nav.article-neighbours a[rel=prev]")?.textContent?.trim() ?? null,
      nextText: document.querySelector("nav.article-neighbours a[rel=next]")?.textContent?.trim() ?? null,
      scrollWidth: document.documentElement.scrollWidth,
    };
  });
}

describe("article page", () => {
  it("has a right-hand column with the section's latest and most read, beside the article on a wide screen", async () => {
    const latest = await sql<{ id: number }>(
      `SELECT id FROM articles WHERE ${PUBLISHED} AND section_id = $1 AND id <> $2 ORDER BY published_at DESC, id DESC LIMIT 6`,
      [mid.sectionId, mid.id],
    );
    await withPage(
      async (page) => {
        expect((await page.goto(`${base}/articles/${mid.id}`))?.status()).toBe(200);
        const p = await aroundArticle(page);
        expect(p.aside, "the column").not.toBeNull();
        expect(p.aside!.x, "to the right of the article").toBeGreaterThanOrEqual(p.article!.right);
        expect(p.aside!.y, "beside it, not below").toBeLessThan(p.article!.bottom);
        expect(p.asideLatest).toEqual(latest.map((r) => r.id));
        expect(p.asideMostRead.length).toBeGreaterThan(0);
        expect(p.asideMostRead.length).toBeLessThanOrEqual(5);
        const same = await sql(`SELECT id FROM articles WHERE ${PUBLISHED} AND section_id = $1 AND id = ANY($2::int[])`, [mid.sectionId, p.asideMostRead]);
        expect(same.length, "most read of the same section").toBe(p.asideMostRead.length);
      },
      { viewport: { width: 1440, height: 900 } },
    );
    await withPage(
      async (page) => {
        await page.goto(`${base}/articles/${mid.id}`);
        const p = await aroundArticle(page);
        expect(p.aside!.y, "below the article on a phone").toBeGreaterThanOrEqual(p.article!.bottom);
        expect(p.scrollWidth, "no sideways scrolling").toBeLessThanOrEqual(375);
      },
      { viewport: { width: 375, height: 740 } },
    );
  });

  it("links the section's article published just before and just after", async () => {
    await withPage(async (page) => {
      await page.goto(`${base}/articles/${mid.id}`);
      const p = await aroundArticle(page);
      expect([p.prev, p.prevText]).toEqual([`/articles/${mid.prev.id}`, mid.prev.title]);
      expect([p.next, p.nextText]).toEqual([`/articles/${mid.next.id}`, mid.next.title]);
      // Following "next" and then "prev" comes back.
      await page.click("nav.article-neighbours a[rel=next]");
      await page.waitForURL(`${base}/articles/${mid.next.id}`);
      expect(await page.locator("h1").textContent()).toBe(mid.next.title);
      expect((await aroundArticle(page)).prev).toBe(`/articles/${mid.id}`);
    });
    // The section's newest and oldest articles have one neighbour each.
    const [ends] = await sql<{ newest: number; oldest: number }>(
      `SELECT (SELECT id FROM articles WHERE ${PUBLISHED} AND section_id = $1 ORDER BY published_at DESC, id DESC LIMIT 1) AS newest,
              (SELECT id FROM articles WHERE ${PUBLISHED} AND section_id = $1 ORDER BY published_at ASC, id ASC LIMIT 1) AS oldest`,
      [mid.sectionId],
    );
    await withPage(async (page) => {
      await page.goto(`${base}/articles/${ends.newest}`);
      let p = await aroundArticle(page);
      expect(p.next, "nothing after the newest").toBeNull();
      expect(p.prev).not.toBeNull();
      await page.goto(`${base}/articles/${ends.oldest}`);
      p = await aroundArticle(page);
      expect(p.prev, "nothing before the oldest").toBeNull();
      expect(p.next).not.toBeNull();
    });
  });

  it("shares the article's address: the field, 링크 복사 to the clipboard, and a QR code", async () => {
    const url = `${base}/articles/${mid.id}`;
    await withPage(async (page) => {
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
      await page.goto(url);
      const field = page.locator("section.article-share input.share-url");
      expect(await field.inputValue()).toBe(url);
      expect(await field.evaluate((e) => (e as HTMLInputElement).readOnly)).toBe(true);
      await hydrated(page, "span.copy-link");
      await page.getByRole("button", { name: "링크 복사" }).click();
      await expect.poll(() => page.locator("span.copy-link [role=status]").textContent()).toBe("주소를 복사했습니다");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

      const img = page.locator("details.share-qr img");
      expect(await img.getAttribute("src")).toBe(`/articles/${mid.id}/qr.svg`);
      expect(await img.isVisible(), "folded away at first").toBe(false);
      await page.locator("details.share-qr summary").click();
      await img.waitFor({ state: "visible" });
      await page.waitForFunction(() => {
        const i = document.querySelector<HTMLImageElement>("details.share-qr img");
        return !!i && i.complete && i.naturalWidth > 0;
      });
    });
  });

  it("draws a QR code of the article's address, a different one per article, and 404 for none", async () => {
    const svgOf = async (id: number) => {
      const r = await fetch(`${base}/articles/${id}/qr.svg`);
      expect(r.status, `qr of ${id}`).toBe(200);
      expect(r.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
      return r.text();
    };
    const a = await svgOf(mid.id);
    const b = await svgOf(mid.next.id);
    expect(a).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(a).toMatch(/<path[^>]* d="M/);
    expect(a).not.toBe(b);
    expect(qrEncodes(a, `${base}/articles/${mid.id}`), "encodes the article's address").toBe(true);
    expect(qrEncodes(b, `${base}/articles/${mid.next.id}`)).toBe(true);
    expect(qrEncodes(a, `${base}/articles/${mid.next.id}`)).toBe(false);
    for (const path of ["/articles/999999999/qr.svg", "/articles/abc/qr.svg"]) expect([path, (await fetch(base + path)).status]).toEqual([path, 404]);
  });
});

/**
 * Whether the SVG's dark modules are exactly those of a QR code of `text` (at any error
 * correction level): the dark path is read back into cells (`M x y` starts a run, `m dx 0`
 * moves along the row, `h n` paints n cells).
 */
function qrEncodes(svg: string, text: string): boolean {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const d = /<path[^>]*stroke="[^"]+"[^>]*\sd="([^"]+)"/.exec(svg)?.[1] ?? /<path[^>]*\sd="([^"]+)"[^>]*stroke=/.exec(svg)?.[1];
  if (!size || !d) return false;
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([MmHh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (cmd === "M") [x, y] = [Number(a), Number(b)];
    else if (cmd === "m") [x, y] = [x + Number(a), y + Number(b ?? 0)];
    else for (let i = 0; i < Number(a); i++) dark.add(`${x++},${Math.floor(y)}`);
  }
  return (["L", "M", "Q", "H"] as const).some((level) => {
    const qr = QRCode.create(text, { errorCorrectionLevel: level });
    const n = qr.modules.size;
    const margin = (size - n) / 2;
    if (!Number.isInteger(margin)) return false;
    let count = 0;
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        const want = !!qr.modules.get(r, c);
        if (want !== dark.has(`${c + margin},${r + margin}`)) return false;
        if (want) count++;
      }
    }
    return count === dark.size;
  });
}

describe("back to top", () => {
  it("every reader page has 맨 위로 pointing at the header", async () => {
    const [{ slug }] = await sql<{ slug: string }>(`SELECT slug FROM sections WHERE NOT hidden ORDER BY position, id LIMIT 1`);
    const paths = ["/", `/categories/${slug}`, "/archive", `/articles/${mid.id}`, "/search?q=연길", `/tags/${TAG.slug}`, "/articles/999999999"];
    await withPage(async (page) => {
      for (const path of paths) {
        await page.goto(base + path);
        const found = await page.evaluate(() => ({
          links: document.querySelectorAll('a.back-to-top[href="#top"]').length,
          top: document.getElementById("top")?.tagName ?? null,
        }));
        expect([path, found]).toEqual([path, { links: 1, top: "HEADER" }]);
      }
    });
  });

  it("brings the reader back to the top of a long article", async () => {
    await withPage(async (page) => {
      await page.goto(`${base}/articles/${mid.id}`);
      const height = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
      expect(height, "a page longer than the screen").toBeGreaterThan(900);
      await page.mouse.wheel(0, height);
      await page.waitForFunction(() => scrollY > innerHeight);
      await page.locator("a.back-to-top").click();
      await page.waitForFunction(() => scrollY === 0);
      expect(new URL(page.url()).hash).toBe("#top");
    });
  });
});

describe("printing an article", () => {
  it("prints the title, body and address without the menus, comments, share controls and column", async () => {
    const url = `${base}/articles/${mid.id}`;
    await withPage(async (page) => {
      await page.goto(url);
      const shown = (sel: string) => page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => getComputedStyle(e).display !== "none"), sel);
      expect(await shown(".print-only"), "the address line is for paper only").toEqual([false]);
      await page.emulateMedia({ media: "print" });
      for (const sel of ["nav.section-nav", "section#comments", "aside.article-aside", "section.article-share input.share-url", "span.copy-link", "details.share-qr", "nav.article-neighbours", "a.back-to-top"]) {
        const s = await shown(sel);
        expect([sel, s.length > 0 && s.every((v) => !v)], `${sel} is not printed`).toEqual([sel, true]);
      }
      for (const sel of ["h1.article-title", ".article-body", ".print-only"]) expect([sel, await shown(sel)]).toEqual([sel, [true]]);
      expect(await page.locator(".print-only").innerText()).toContain(url);
      expect(await page.locator("h1.article-title").textContent()).toBe(mid.title);
    });
  });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(b: Buffer): { width: number; height: number } | null {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!b.subarray(0, 8).equals(sig) || b.toString("latin1", 12, 16) !== "IHDR") return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

async function png(path: string) {
  const r = await fetch(base + path);
  expect(r.status, path).toBe(200);
  expect(r.headers.get("content-type"), path).toBe("image/png");
  return pngSize(Buffer.from(await r.arrayBuffer()));
}

describe("icons and the web app manifest", () => {
  it("/favicon.ico is a real ICO of PNG images", async () => {
    const r = await fetch(`${base}/favicon.ico`);
    expect(r.status).toBe(200);
    const ico = Buffer.from(await r.arrayBuffer());
    expect([...ico.subarray(0, 4)], "ICO header").toEqual([0, 0, 1, 0]);
    const count = ico.readUInt16LE(4);
    expect(count).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < count; i++) {
      const e = 6 + 16 * i;
      const [w, h, length, offset] = [ico.readUInt8(e) || 256, ico.readUInt8(e + 1) || 256, ico.readUInt32LE(e + 8), ico.readUInt32LE(e + 12)];
      expect(offset + length, `image ${i} inside the file`).toBeLessThanOrEqual(ico.length);
      expect(pngSize(ico.subarray(offset, offset + length)), `image ${i} is a ${w}×${h} PNG`).toEqual({ width: w, height: h });
    }
  });

  it("/manifest.webmanifest names the portal and lists icons of the sizes it states", async () => {
    const r = await fetch(`${base}/manifest.webmanifest`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
    const m = (await r.json()) as { name: string; short_name: string; start_url: string; icons: { src: string; sizes: string; type: string }[] };
    expect(m.name).toBeTruthy();
    expect(m.short_name).toBeTruthy();
    expect(m.start_url).toBe("/");
    expect(m.icons.length).toBeGreaterThan(0);
    const sizes = m.icons.map((i) => i.sizes);
    expect(sizes, "an icon for home screens and one for splash screens").toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of m.icons) {
      const [width, height] = icon.sizes.split("x").map(Number);
      expect([icon.src, await png(icon.src)]).toEqual([icon.src, { width, height }]);
    }
    expect(await png("/brand/apple-touch-icon.png")).toEqual({ width: 180, height: 180 });
  });

  it("reader pages link the manifest and the icons in <head>", async () => {
    await withPage(async (page) => {
      for (const path of ["/", `/articles/${mid.id}`, "/archive"]) {
        await page.goto(base + path);
        const head = await page.evaluate(() => ({
          manifest: document.head.querySelector('link[rel="manifest"]')?.getAttribute("href") ?? null,
          icons: [...document.head.querySelectorAll('link[rel~="icon"]')].map((l) => l.getAttribute("href")!),
          apple: document.head.querySelector('link[rel="apple-touch-icon"]')?.getAttribute("href") ?? null,
        }));
        expect([path, head.manifest]).toEqual([path, "/manifest.webmanifest"]);
        expect(head.icons, path).toContain("/favicon.ico");
        expect(head.apple, path).toBe("/brand/apple-touch-icon.png");
        for (const href of [...head.icons, head.apple!]) expect([href, (await fetch(new URL(href, base))).status]).toEqual([href, 200]);
      }
    });
  });
});

describe("headings", () => {
  it("never skip a level on the section, archive, tag, search and article pages", async () => {
    const [{ slug }] = await sql<{ slug: string }>(`SELECT s.slug FROM sections s WHERE NOT s.hidden AND EXISTS (SELECT 1 FROM articles a WHERE a.section_id = s.id AND a.${PUBLISHED}) ORDER BY s.position, s.id LIMIT 1`);
    const [{ title }] = await sql<{ title: string }>(`SELECT title FROM articles WHERE id = $1`, [mid.id]);
    const word = title.split(/\s+/).find((w) => /^[가-힣]{2,}$/.test(w)) ?? "연길";
    const paths = [`/categories/${slug}`, "/archive", `/tags/${TAG.slug}`, `/search?q=${encodeURIComponent(word)}`, `/articles/${mid.id}`];
    await withPage(async (page) => {
      for (const path of paths) {
        expect([path, (await page.goto(base + path))?.status()]).toEqual([path, 200]);
        const h = await page.evaluate(() => {
          const all = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")];
          const skips: string[] = [];
          let prev = 0;
          for (const e of all) {
            const level = Number(e.tagName[1]);
            if (level > prev + 1) skips.push(`${e.tagName} “${e.textContent!.trim().slice(0, 40)}” after ${prev ? `H${prev}` : "no heading"}`);
            prev = level;
          }
          return { count: all.length, h1: all.filter((e) => e.tagName === "H1").length, items: document.querySelectorAll('main a[href^="/articles/"]').length, skips };
        });
        expect([path, h.skips]).toEqual([path, []]);
        expect([path, h.h1]).toEqual([path, 1]);
        expect(h.count, `${path}: has headings below the h1`).toBeGreaterThan(1);
        expect(h.items, `${path}: lists articles`).toBeGreaterThan(0);
      }
    });
  });
});
