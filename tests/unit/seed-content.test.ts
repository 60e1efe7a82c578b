// The demo-content generator: what a reader of the seeded portal would notice (stable
// content, Chinese-Korean spelling, sane lists and excerpts) without touching a database.
import { describe, expect, it } from "vitest";
import { ARCHIVE_START, SECTIONS, fill, generateArticle, imageCatalogue, particle, type GeneratedArticle } from "../../lib/seed/content";
import { htmlToText, makeExcerpt } from "../../lib/format";
import { createRng } from "../../lib/seed/random";
import { photoSvg } from "../../lib/seed/images";

const images = imageCatalogue();
const now = new Date("2026-11-28T03:00:00Z");
const N = 1500;
const run = (total = N, seed?: number) => Array.from({ length: total }, (_, i) => generateArticle(i, { total, now, images, seed }));
const articles = run();
const text = (a: GeneratedArticle) => `${a.title} ${a.subtitle ?? ""} ${htmlToText(a.body)}`;
const corpus = articles.map(text).join("\n");

describe("seed content generator", () => {
  it("gives the same articles for the same seed and different ones for another seed", () => {
    expect(run(300)).toEqual(articles.slice(0, 300).map((_, i) => generateArticle(i, { total: 300, now, images })));
    expect(generateArticle(42, { total: N, now, images })).toEqual(articles[42]);
    const other = run(50, 7);
    expect(other.map((a) => a.title)).not.toEqual(articles.slice(0, 50).map((a) => a.title));
  });

  it("writes in Chinese-Korean spelling, never the Seoul forms", () => {
    for (const w of ["리용", "로인", "련속", "료해", "력사", "량식", "녀성", "래년", "령도", "륙속", "되였다", "하였다", "할수 있", "쎈터", "텔레비죤", "로씨야", "위챗(微信)", "《"]) {
      expect(corpus, w).toContain(w);
    }
    for (const w of ["되었다", "노인", "여성", "내년", "이용", "연속", "역사", "센터", "텔레비전", "러시아"]) expect(corpus, w).not.toContain(w);
    expect(articles.some((a) => /《[^》]+》/.test(a.title)), "a title quotes a name in 《》").toBe(true);
    expect(articles.some((a) => /[로련료력량녀래령륙리]/.test(a.title)), "a title in Chinese-Korean spelling").toBe(true);
  });

  it("uses the short words search must find", () => {
    for (const w of ["경제", "축구", "학교", "뉴스"]) expect(corpus, w).toContain(w);
  });

  it("varies titles so that lists do not repeat themselves", () => {
    const distinct = new Set(articles.map((a) => a.title)).size;
    expect(distinct).toBeGreaterThan(N * 0.7);
  });

  it("keeps titles, bodies and excerpts within sane lengths", () => {
    for (const a of articles) {
      expect(a.title.length, a.title).toBeGreaterThanOrEqual(6);
      expect(a.title.length, a.title).toBeLessThanOrEqual(60);
      expect(a.body.startsWith("<p>"), "body opens with a paragraph").toBe(true);
      expect(a.body.match(/<p>/g)!.length, a.title).toBeGreaterThanOrEqual(3);
      const plain = htmlToText(a.body);
      expect(plain.length).toBeGreaterThan(120);
      expect(plain.length).toBeLessThan(3000);
      expect(`${a.title}${a.body}`, "no template syntax left").not.toMatch(/[{}|]|undefined|NaN/);
    }
  });

  it("ends excerpts in `...` at a word boundary after about 150 characters of body text", () => {
    for (const a of articles) {
      const plain = htmlToText(a.body);
      expect(a.excerpt).toBe(makeExcerpt(plain, 150));
      expect(a.excerpt).not.toMatch(/[<>]/);
      expect(a.excerpt.length).toBeLessThanOrEqual(153);
      if (plain.length > 150) {
        expect(a.excerpt.endsWith("...")).toBe(true);
        const cut = a.excerpt.slice(0, -3);
        expect(plain.startsWith(cut)).toBe(true);
        // Cut between words (a sentence's full stop may be dropped before the dots).
        expect(plain.slice(cut.length)).toMatch(/^[.,·…]*( |$)/);
      }
    }
  });

  it("uses only simple HTML and the seeded photos in bodies", () => {
    const names = new Set(images.map((i) => i.name));
    for (const a of articles) {
      const tags = new Set([...a.body.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
      for (const t of tags) expect(["p", "h2", "blockquote", "figure", "img", "figcaption"]).toContain(t);
      for (const m of a.body.matchAll(/<img src="\/media\/seed\/([a-z]+-\d)-1024\.webp" alt="([^"]+)" width="1024" height="640">/g)) {
        expect(names.has(m[1])).toBe(true);
      }
      expect(a.body.split("<img").length - 1).toBe([...a.body.matchAll(/<img src="\/media\/seed\//g)].length);
      if (a.coverImage) expect(names.has(a.coverImage)).toBe(true);
    }
    expect(articles.filter((a) => a.coverImage).length).toBeGreaterThan(N * 0.7);
    expect(articles.some((a) => a.body.includes("<h2>"))).toBe(true);
    expect(articles.some((a) => a.body.includes("<blockquote>"))).toBe(true);
  });

  it("spreads articles from 2019 to now with the newest in the last two days", () => {
    const published = articles.filter((a) => a.status === "PUBLISHED");
    const times = published.map((a) => a.publishedAt!.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(ARCHIVE_START);
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(times.filter((t) => t > now.getTime() - 48 * 3600_000).length).toBeGreaterThanOrEqual(10);
    for (const a of published) expect(a.updatedAt.getTime()).toBeGreaterThanOrEqual(a.publishedAt!.getTime());
    const drafts = articles.filter((a) => a.status === "DRAFT");
    for (const d of drafts) expect(d.publishedAt).toBeNull();
    expect(drafts.length).toBeLessThan(N * 0.01);
  });

  it("gives about 60 % of the articles a unique legacy id and a byline like `/길림신문 리전기자`", () => {
    const ids = articles.map((a) => a.legacyId).filter((x): x is number => x !== null);
    expect(ids.length).toBe(Math.floor(N * 0.6));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids)).toBeGreaterThanOrEqual(100_000);
    const bylines = articles.map((a) => a.byline).filter((b): b is string => !!b);
    expect(bylines.filter((b) => /^\/\S+ [가-힣]{2,3}( [가-힣]{2,3})?기자$/.test(b)).length).toBeGreaterThan(N * 0.6);
    const views = articles.map((a) => a.viewCount).sort((x, y) => x - y);
    expect(views[views.length - 1]).toBeGreaterThan(views[Math.floor(views.length / 2)] * 10);
  });

  it("spreads articles over twelve sections with ASCII slugs", () => {
    expect(SECTIONS).toHaveLength(12);
    expect(new Set(SECTIONS.map((s) => s.slug)).size).toBe(12);
    for (const s of SECTIONS) expect(s.slug).toMatch(/^[a-z]+$/);
    const boards = SECTIONS.map((s) => s.legacyBoard).filter(Boolean);
    expect(boards.length).toBeGreaterThanOrEqual(3);
    expect(new Set(boards).size).toBe(boards.length);
    for (const s of SECTIONS) expect(articles.some((a) => a.sectionSlug === s.slug), s.slug).toBe(true);
  });

  it("attaches the particle that fits the last syllable", () => {
    expect(particle("연길시", "은")).toBe("는");
    expect(particle("룡정", "으로")).toBe("으로");
    expect(particle("서울", "으로")).toBe("로");
    expect(particle("2:1", "으로")).toBe("로");
    expect(particle("《아리랑》", "이")).toBe("이");
    expect(particle("위챗(微信)", "을")).toBe("을");
    expect(fill("{a:이} [열렸다|열렸다]", { a: "축제" }, createRng(1))).toBe("축제가 열렸다");
    expect(fill("[현장] {a}", { a: "연길" }, createRng(1))).toBe("[현장] 연길");
  });

  it("draws 40 distinct photos without text", () => {
    expect(new Set(images.map((i) => i.name)).size).toBe(40);
    const svgs = images.map((i) => photoSvg(i));
    expect(new Set(svgs).size).toBe(40);
    for (const s of svgs) expect(s).not.toContain("<text");
  });
});
