// Structured data against the properties Google documents for articles and breadcrumbs.
import { describe, expect, it } from "vitest";
import { breadcrumbLd, newsArticleLd, reportersFromByline, serializeJsonLd, websiteLd } from "@/lib/seo/json-ld";
import { site } from "@/lib/site/config";
import { checkArticleLd, checkBreadcrumbLd, jsonLdBlocks } from "../validators/json-ld";
import { sampleArticle } from "./seo-fixtures";

describe("NewsArticle", () => {
  it("has every property Google documents for articles", () => {
    const ld = newsArticleLd(sampleArticle());
    expect(checkArticleLd(ld, `${site.url}/articles/4321`)).toEqual([]);
    expect(ld).toMatchObject({
      "@type": "NewsArticle",
      datePublished: "2024-10-28T12:04:00+08:00",
      dateModified: "2024-10-29T09:00:00+08:00",
      author: [{ "@type": "Person", name: "리전" }],
      articleSection: "연변",
      publisher: { "@type": "Organization", name: site.name, logo: { url: `${site.url}/brand/logo-512.png` } },
    });
  });

  it("offers the photo in 1x1, 4x3 and 16x9 crops", () => {
    expect(newsArticleLd(sampleArticle()).image).toEqual([
      `${site.url}/media-crop/1x1/uploads/2024/10/abc.jpg`,
      `${site.url}/media-crop/4x3/uploads/2024/10/abc.jpg`,
      `${site.url}/media-crop/16x9/uploads/2024/10/abc.jpg`,
    ]);
  });

  it("leaves out images for an article without a photo rather than showing the logo", () => {
    const ld = newsArticleLd(sampleArticle({ cover: null }));
    expect(ld.image).toBeUndefined();
    expect(checkArticleLd(ld)).toEqual([]);
  });

  it("keeps long headlines within 110 characters and never dates a change before publication", () => {
    const ld = newsArticleLd(sampleArticle({ title: "가".repeat(150), updatedAt: "2024-10-01T00:00:00.000Z" }));
    expect((ld.headline as string).length).toBe(110);
    expect(ld.dateModified).toBe(ld.datePublished);
  });

  it("names the reporter from the byline when the article has no author account", () => {
    expect(newsArticleLd(sampleArticle({ authorName: null })).author).toEqual([{ "@type": "Person", name: "리전" }]);
    expect(reportersFromByline("/연변일보 김철 기자")).toEqual(["김철"]);
    expect(reportersFromByline("/연변일보 김철 박영기자")).toEqual(["김철", "박영"]);
    expect(reportersFromByline("/김철")).toEqual(["김철"]);
    expect(reportersFromByline("편집부 제공 사진입니다")).toEqual([]);
    expect(reportersFromByline(null)).toEqual([]);
    const org = newsArticleLd(sampleArticle({ authorName: null, byline: null }));
    expect(org.author).toEqual([{ "@type": "Organization", name: "해란강뉴스" }]);
    expect(checkArticleLd(org)).toEqual([]);
  });

  it("is caught by the checker when Google's properties are wrong", () => {
    const ld = newsArticleLd(sampleArticle());
    expect(checkArticleLd({ ...ld, datePublished: "2024-10-28 12:04" })).toEqual([expect.stringMatching(/datePublished/)]);
    expect(checkArticleLd({ ...ld, author: [{ "@type": "Person", name: "리전기자" }] })).toEqual([expect.stringMatching(/job title/)]);
    expect(checkArticleLd({ ...ld, publisher: { "@type": "Organization", name: "x" } })).toEqual(["publisher has no logo URL"]);
    expect(checkArticleLd({ ...ld, image: ["/media/a.jpg"] })).toEqual([expect.stringMatching(/absolute URL/)]);
  });
});

describe("JSON-LD in HTML", () => {
  it("escapes < so that no text can close the script element", () => {
    const json = serializeJsonLd(newsArticleLd(sampleArticle()));
    expect(json).not.toContain("<");
    expect(json).toContain("\\u003c/script>");
    const html = `<script type="application/ld+json">${json}</script>`;
    expect(jsonLdBlocks(html)[0].headline).toBe(sampleArticle().title);
  });
});

describe("breadcrumbs and the site", () => {
  it("lists home, section and article in order", () => {
    const ld = breadcrumbLd([
      { name: "홈", path: "/" },
      { name: "연변", path: "/categories/yanbian" },
      { name: "기사", path: "/articles/1" },
    ]);
    expect(checkBreadcrumbLd(ld)).toEqual([]);
    expect((ld.itemListElement as { item: string }[]).map((i) => i.item)).toEqual([`${site.url}/`, `${site.url}/categories/yanbian`, `${site.url}/articles/1`]);
  });

  it("declares the site search for the search box", () => {
    expect(websiteLd().potentialAction).toEqual({
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${site.url}/search?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    });
  });
});
