// Per-page metadata: canonical link, Open Graph, Twitter card and feed autodiscovery.
import { describe, expect, it } from "vitest";
import { archiveMetadata, articleMetadata, sectionMetadata } from "@/lib/seo/metadata";
import { cropSize } from "@/lib/seo/crops";
import { site } from "@/lib/site/config";
import { sampleArticle } from "./seo-fixtures";

describe("article metadata", () => {
  const m = articleMetadata(sampleArticle());
  it("links the canonical URL on the configured site address and both feeds", () => {
    expect(m.alternates?.canonical).toBe(`${site.url}/articles/4321`);
    expect(m.alternates?.types?.["application/rss+xml"]).toEqual([
      { url: `${site.url}/rss.xml`, title: `${site.name} 최신기사` },
      { url: `${site.url}/categories/yanbian/rss.xml`, title: `${site.name} 연변` },
    ]);
  });

  it("describes the article to Open Graph with China-time dates, section and a sized picture", () => {
    expect(m.openGraph).toMatchObject({
      type: "article",
      url: `${site.url}/articles/4321`,
      publishedTime: "2024-10-28T12:04:00+08:00",
      modifiedTime: "2024-10-29T09:00:00+08:00",
      section: "연변",
      images: [{ url: `${site.url}/media/uploads/2024/10/abc-og.jpg`, width: 1200, height: 630 }],
    });
    expect(m.twitter).toMatchObject({ card: "summary_large_image" });
  });

  it("falls back to the 16x9 crop, then to the logo with a small card", () => {
    const noOg = sampleArticle();
    noOg.cover!.variants = [];
    expect(articleMetadata(noOg).openGraph).toMatchObject({ images: [{ url: `${site.url}/media-crop/16x9/uploads/2024/10/abc.jpg`, width: 1200, height: 675 }] });
    const bare = articleMetadata(sampleArticle({ cover: null }));
    expect(bare.openGraph).toMatchObject({ images: [{ url: `${site.url}/brand/logo-512.png`, width: 512, height: 512 }] });
    expect(bare.twitter).toMatchObject({ card: "summary" });
  });
});

describe("list metadata", () => {
  it("gives page N its own canonical URL and a title naming the page", () => {
    const section = { id: 1, slug: "yanbian", name: "연변" };
    expect(sectionMetadata(section, 1)).toMatchObject({ title: "연변", alternates: { canonical: `${site.url}/categories/yanbian` } });
    expect(sectionMetadata(section, 3)).toMatchObject({ title: "연변 (3페지)", alternates: { canonical: `${site.url}/categories/yanbian?page=3` } });
    expect(archiveMetadata(12)).toMatchObject({ title: "전체기사 (12페지)", alternates: { canonical: `${site.url}/archive?page=12` } });
  });
});

describe("crop sizes", () => {
  it("cuts the largest box of each ratio, at most 1200 wide and never enlarged", () => {
    expect(cropSize(1600, 1067, "16x9")).toEqual({ width: 1200, height: 675 });
    expect(cropSize(1600, 1067, "4x3")).toEqual({ width: 1200, height: 900 });
    expect(cropSize(1600, 1067, "1x1")).toEqual({ width: 1067, height: 1067 });
    expect(cropSize(400, 300, "16x9")).toEqual({ width: 400, height: 225 });
  });
});
