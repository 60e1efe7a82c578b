// The reads behind sitemaps, the news sitemap, feeds, old-site links and 410 Gone, against
// a real PostgreSQL: China-time months, what is left out (drafts, the bin, hidden
// sections, the future), Google News' window and cap.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase } from "../support/db";
import { chinaMonthRange } from "@/lib/china-time";

let pool: pg.Pool;
let sm: typeof import("@/lib/data/sitemaps");
let feeds: typeof import("@/lib/data/feeds");
let legacy: typeof import("@/lib/data/legacy");
let gone: typeof import("@/lib/data/gone");
let s: { yanbian: number; sports: number; hidden: number; empty: number };
let imageId: number;

beforeAll(async () => {
  const url = await migratedDatabase("int_seo_sitemaps");
  process.env.DATABASE_URL = url; // lib/db reads it on first import
  pool = new pg.Pool({ connectionString: url, max: 2 });
  const r = await pool.query<{ id: number }>(
    `INSERT INTO sections (slug, name, position, hidden, legacy_board) VALUES
       ('yanbian','연변',1,false,'m_yanbian'), ('sports','체육',2,false,NULL), ('hidden','숨김',3,true,'m_hidden'), ('empty','빈 분야',4,false,NULL)
     RETURNING id`,
  );
  s = { yanbian: r.rows[0].id, sports: r.rows[1].id, hidden: r.rows[2].id, empty: r.rows[3].id };
  imageId = (
    await pool.query<{ id: number }>(
      `INSERT INTO images (storage_key, mime, width, height, bytes) VALUES ('uploads/2024/10/a.jpg', 'image/jpeg', 1600, 1067, 48213) RETURNING id`,
    )
  ).rows[0].id;
  sm = await import("@/lib/data/sitemaps");
  feeds = await import("@/lib/data/feeds");
  legacy = await import("@/lib/data/legacy");
  gone = await import("@/lib/data/gone");
});
afterAll(() => pool?.end());

type Row = { at: string | Date; section?: number; status?: string; deleted?: boolean; updated?: string; legacyId?: number; image?: boolean; title?: string };
async function insert(a: Row): Promise<number> {
  const r = await pool.query<{ id: number }>(
    `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at, deleted_at, legacy_id, cover_image_id)
     VALUES ($1, $2, '요약', '<p>본문</p>', '해란강뉴스', $3::"ArticleStatus", $4, $5, $6, $7, $8) RETURNING id`,
    [a.section ?? s.yanbian, a.title ?? "기사", a.status ?? "PUBLISHED", new Date(a.at), new Date(a.updated ?? a.at), a.deleted ? new Date() : null, a.legacyId ?? null, a.image ? imageId : null],
  );
  return r.rows[0].id;
}
const clear = () => pool.query("DELETE FROM articles");

describe("monthly sitemaps", () => {
  it("groups published articles by month of publication in China time", async () => {
    await clear();
    const lastOct = await insert({ at: "2024-10-31T15:30:00Z", updated: "2024-12-02T01:00:00Z" }); // 23:30 on 31 Oct in China
    const firstNov = await insert({ at: "2024-10-31T16:30:00Z", image: true }); // 00:30 on 1 Nov in China
    await insert({ at: "2024-10-15T00:00:00Z", status: "DRAFT" });
    await insert({ at: "2024-10-16T00:00:00Z", deleted: true });
    await insert({ at: "2024-09-01T00:00:00Z", section: s.sports });

    const months = await sm.readMonthBuckets();
    expect(months.map((m) => [m.month, m.count])).toEqual([
      ["2024-11", 1],
      ["2024-10", 1],
      ["2024-09", 1],
    ]);
    // An edit after publication moves the month's lastmod.
    expect(months[1].lastmod.toISOString()).toBe("2024-12-02T01:00:00.000Z");

    const nov = sm.readMonthArticles(...rangeOf("2024-11"), 0, 50_000);
    expect(await nov).toEqual([{ id: firstNov, lastmod: new Date("2024-10-31T16:30:00Z"), imageKey: "uploads/2024/10/a.jpg" }]);
    expect((await sm.readMonthArticles(...rangeOf("2024-10"), 0, 50_000)).map((a) => a.id)).toEqual([lastOct]);
  });

  it("lists visible sections with the time of their newest article", async () => {
    await clear();
    await insert({ at: "2024-05-01T00:00:00Z" });
    await insert({ at: "2024-06-01T00:00:00Z" });
    await insert({ at: "2024-07-01T00:00:00Z", deleted: true });
    await insert({ at: "2024-08-01T00:00:00Z", section: s.hidden });
    expect(await sm.readSectionsLastmod()).toEqual([
      { slug: "yanbian", lastmod: new Date("2024-06-01T00:00:00Z") },
      { slug: "sports", lastmod: null },
      { slug: "empty", lastmod: null },
    ]);
  });
});

describe("news sitemap", () => {
  it("takes the last two days only, newest first, at most 1,000", async () => {
    await clear();
    const now = new Date("2024-10-28T12:00:00Z");
    await pool.query(
      `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at)
       SELECT $1, '뉴스 ' || g, '', '', '해란강뉴스', 'PUBLISHED', $2::timestamp - g * interval '1 minute', now() FROM generate_series(1, 1005) g`,
      [s.yanbian, now],
    );
    const old = await insert({ at: new Date(now.getTime() - 2 * 86_400_000 - 60_000) });
    const future = await insert({ at: new Date(now.getTime() + 3_600_000) });
    const items = await sm.readNewsItems(now);
    expect(items).toHaveLength(1000);
    expect(items[0].title).toBe("뉴스 1");
    expect(items.map((i) => i.id)).not.toContain(old);
    expect(items.map((i) => i.id)).not.toContain(future);

    await clear();
    const recent = await insert({ at: new Date(now.getTime() - 47 * 3_600_000) });
    await insert({ at: new Date(now.getTime() - 3_600_000), deleted: true });
    await insert({ at: new Date(now.getTime() - 3_600_000), status: "PENDING" });
    expect((await sm.readNewsItems(now)).map((i) => i.id)).toEqual([recent]);
  });
});

describe("feeds", () => {
  it("gives the 50 newest articles, per section on demand, with the photo's size and type", async () => {
    await clear();
    for (let i = 0; i < 55; i++) await insert({ at: new Date(Date.UTC(2024, 0, 1, 0, i)), image: i === 54, section: i % 2 ? s.sports : s.yanbian });
    const all = await feeds.readFeedItems(null);
    expect(all).toHaveLength(50);
    expect(all[0].image).toEqual({ key: "uploads/2024/10/a.jpg", bytes: 48213, mime: "image/jpeg" });
    expect(new Date(all[0].publishedAt) > new Date(all[1].publishedAt)).toBe(true);
    const sports = await feeds.readFeedItems(s.sports);
    expect(sports).toHaveLength(27);
    expect(new Set(sports.map((i) => i.sectionName))).toEqual(new Set(["체육"]));
  });
});

describe("old-site links and the bin", () => {
  it("resolves legacy ids to published articles, binned ones as deleted, others to nothing", async () => {
    await clear();
    const live = await insert({ at: "2024-01-01T00:00:00Z", legacyId: 501 });
    const binned = await insert({ at: "2024-01-01T00:00:00Z", legacyId: 502, deleted: true });
    await insert({ at: "2024-01-01T00:00:00Z", legacyId: 503, status: "DRAFT" });
    expect(await legacy.readLegacyArticle(501)).toEqual({ id: live, state: "published" });
    expect(await legacy.readLegacyArticle(502)).toEqual({ id: binned, state: "deleted" });
    expect(await legacy.readLegacyArticle(503)).toBeNull();
    expect(await legacy.readLegacyArticle(999)).toBeNull();
    expect(await legacy.readLegacySection("m_yanbian")).toBe("yanbian");
    expect(await legacy.readLegacySection("m_hidden")).toBeNull();
    expect(await legacy.readLegacySection("m_nope")).toBeNull();
  });

  it("knows which articles are in the bin, and hears of changes at once", async () => {
    await clear();
    const live = await insert({ at: "2024-01-01T00:00:00Z" });
    const binned = await insert({ at: "2024-01-01T00:00:00Z", deleted: true });
    expect(await gone.isGone(binned)).toBe(true);
    expect(await gone.isGone(live)).toBe(false);
    gone.noteBinned(live);
    expect(await gone.isGone(live)).toBe(true);
    gone.noteRestored(binned);
    expect(await gone.isGone(binned)).toBe(false);
  });
});

function rangeOf(month: string): [Date, Date] {
  const { start, end } = chinaMonthRange(month);
  return [start, end];
}
