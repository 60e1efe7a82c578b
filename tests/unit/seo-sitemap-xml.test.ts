// Sitemaps as written by lib/seo, validated against the published schemas with xmllint.
import { describe, expect, it } from "vitest";
import { newsSitemapXml, sitemapIndexXml, urlsetXml } from "@/lib/seo/sitemap-xml";
import { chinaMonthRange } from "@/lib/china-time";
import { monthParts, parseSitemapName } from "@/lib/seo/sitemap-names";
import { sitemapPath } from "@/lib/urls";
import { xmllint } from "../validators/xmllint";

const at = new Date("2024-10-28T04:04:00Z");

describe("sitemap documents", () => {
  it("writes an index the siteindex schema accepts, with China-time lastmod", () => {
    const xml = sitemapIndexXml([
      { loc: "https://news.example.com/sitemaps/sections.xml", lastmod: at },
      { loc: "https://news.example.com/sitemaps/articles-2024-10.xml", lastmod: at.toISOString() },
    ]);
    expect(xmllint(xml, "sitemapIndex")).toEqual({ valid: true, errors: [] });
    expect(xml).toContain("<lastmod>2024-10-28T12:04:00+08:00</lastmod>");
  });

  it("writes URL sets with images that the sitemap schema (with the image extension) accepts", () => {
    const xml = urlsetXml([
      { loc: "https://news.example.com/articles/1?a=1&b=2", lastmod: at, images: [{ loc: "https://news.example.com/media/a.jpg" }] },
      { loc: "https://news.example.com/categories/yanbian", changefreq: "hourly", priority: 0.8 },
    ]);
    expect(xmllint(xml, "urlset")).toEqual({ valid: true, errors: [] });
    expect(xml).toContain("<loc>https://news.example.com/articles/1?a=1&amp;b=2</loc>");
  });

  it("writes a Google News sitemap the news schema accepts, escaping titles", () => {
    const xml = newsSitemapXml([
      { loc: "https://news.example.com/articles/7", title: "《도시》 & <특집> 련속 보도", publishedAt: at, publicationName: "해란강뉴스", language: "ko" },
    ]);
    expect(xmllint(xml, "urlset")).toEqual({ valid: true, errors: [] });
    expect(xml).toContain("<news:title>《도시》 &amp; &lt;특집&gt; 련속 보도</news:title>");
    expect(xml).toContain("<news:publication_date>2024-10-28T12:04:00+08:00</news:publication_date>");
    expect(xml).toContain("<news:language>ko</news:language>");
  });

  it("has schemas strict enough to catch mistakes", () => {
    const good = newsSitemapXml([{ loc: "https://news.example.com/articles/7", title: "t", publishedAt: at, publicationName: "p", language: "ko" }]);
    expect(xmllint(good.replace("<news:language>ko", "<news:language>korean"), "urlset").valid).toBe(false);
    expect(xmllint(good.replace(/<news:title>.*<\/news:title>/, ""), "urlset").valid).toBe(false);
    const urls = urlsetXml([{ loc: "https://news.example.com/a", lastmod: at }]);
    expect(xmllint(urls.replace(/<lastmod>[^<]*/, "<lastmod>어제"), "urlset").valid).toBe(false);
    expect(xmllint(urls.replace("<loc>https://news.example.com/a</loc>", ""), "urlset").valid).toBe(false);
    expect(xmllint(urls.replace("</url>", "<image:image><image:loc>x</image:loc></image:image></url>"), "urlset").valid).toBe(false);
    const index = sitemapIndexXml([{ loc: "https://news.example.com/s.xml" }]);
    expect(xmllint(index.replace("<sitemap>", "<sitemap><priority>1</priority>"), "sitemapIndex").valid).toBe(false);
  });

  it("drops characters XML cannot carry instead of writing a broken file", () => {
    const xml = newsSitemapXml([{ loc: "https://news.example.com/articles/7", title: "제목\u0001\u000b끝", publishedAt: at, publicationName: "p", language: "ko" }]);
    expect(xmllint(xml, "urlset").valid).toBe(true);
    expect(xml).toContain("<news:title>제목끝</news:title>");
  });
});

describe("child sitemap names", () => {
  it("round-trips names and refuses everything else", () => {
    expect(parseSitemapName("sections.xml")).toEqual({ kind: "sections" });
    expect(parseSitemapName("articles-2024-03.xml")).toEqual({ kind: "month", month: "2024-03", part: 1 });
    expect(parseSitemapName("articles-2024-03-2.xml")).toEqual({ kind: "month", month: "2024-03", part: 2 });
    for (const bad of ["articles-2024-13.xml", "articles-2024-3.xml", "articles-2024-03-1.xml", "articles-2024-03-0.xml", "../x.xml", "articles-2024-03.xml.gz"]) {
      expect(parseSitemapName(bad)).toBeNull();
    }
    expect(sitemapPath({ kind: "month", month: "2024-03", part: 1 })).toBe("/sitemaps/articles-2024-03.xml");
    expect(sitemapPath({ kind: "month", month: "2024-03", part: 3 })).toBe("/sitemaps/articles-2024-03-3.xml");
  });

  it("bounds months in China time and splits a month only past 50,000 articles", () => {
    const { start, end } = chinaMonthRange("2024-12");
    expect(start.toISOString()).toBe("2024-11-30T16:00:00.000Z");
    expect(end.toISOString()).toBe("2024-12-31T16:00:00.000Z");
    expect(monthParts("2024-12", 50_000)).toHaveLength(1);
    expect(monthParts("2024-12", 50_001).map((n) => sitemapPath(n))).toEqual(["/sitemaps/articles-2024-12.xml", "/sitemaps/articles-2024-12-2.xml"]);
  });
});
