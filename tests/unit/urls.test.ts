// Public paths come from lib/urls.ts, and each is already canonical: a link built there never
// meets the 301 that proxy.ts sends for a non-canonical form (lib/seo/canonical.ts).
import { describe, expect, it } from "vitest";
import { canonicalRedirect } from "@/lib/seo/canonical";
import {
  archivePath,
  articlePath,
  commentFormPath,
  commentPath,
  commentsPath,
  cropPath,
  mediaPath,
  searchPath,
  sectionFeedPath,
  sectionPath,
  sitemapPath,
} from "@/lib/urls";

/** What the proxy does with a link: the fragment never reaches the server. */
const redirectOf = (href: string) => {
  const u = new URL(href, "http://x");
  return canonicalRedirect(u.pathname, u.searchParams);
};

describe("public paths", () => {
  it("links page 1 of every list to its bare address and page N to ?page=N", () => {
    expect(archivePath()).toBe("/archive");
    expect(archivePath(1)).toBe("/archive");
    expect(archivePath(436)).toBe("/archive?page=436");
    expect(sectionPath("yanbian")).toBe("/categories/yanbian");
    expect(sectionPath("yanbian", 1)).toBe("/categories/yanbian");
    expect(sectionPath("yanbian", 2)).toBe("/categories/yanbian?page=2");
    expect(sectionPath("연변 소식", 3)).toBe("/categories/%EC%97%B0%EB%B3%80%20%EC%86%8C%EC%8B%9D?page=3");
  });

  it("puts page 1 of the comments on the article and later pages on their own path", () => {
    expect(commentsPath(7)).toBe("/articles/7#comments");
    expect(commentsPath(7, 1)).toBe("/articles/7#comments");
    expect(commentsPath(7, 2)).toBe("/articles/7/comments/p/2");
    expect(commentFormPath(7)).toBe("/articles/7#comment-form");
    expect(commentPath(7, 31)).toBe("/articles/7#c31");
  });

  it("builds searches with the query, an optional section and page, page 1 without a number", () => {
    expect(searchPath({ q: "연길 학교" })).toBe("/search?q=%EC%97%B0%EA%B8%B8+%ED%95%99%EA%B5%90");
    expect(searchPath({ q: "a&b", section: "yanbian", page: 1 })).toBe("/search?q=a%26b&section=yanbian");
    expect(searchPath({ q: "경제", page: 4 })).toBe("/search?q=%EA%B2%BD%EC%A0%9C&page=4");
  });

  it("builds feeds, sitemaps and images", () => {
    expect(sectionFeedPath("yanbian")).toBe("/categories/yanbian/rss.xml");
    expect(sitemapPath({ kind: "sections" })).toBe("/sitemaps/sections.xml");
    expect(sitemapPath({ kind: "month", month: "2024-03", part: 2 })).toBe("/sitemaps/articles-2024-03-2.xml");
    expect(mediaPath("2024/05/a.webp")).toBe("/media/2024/05/a.webp");
    expect(cropPath("16x9", "2024/05/a.webp")).toBe("/media-crop/16x9/2024/05/a.webp");
  });

  it("never builds an address the proxy would redirect", () => {
    const hrefs = [
      articlePath(1),
      articlePath(123456),
      ...[1, 2, 9, 10, 436].flatMap((p) => [archivePath(p), sectionPath("yanbian", p), sectionPath("연변", p), commentsPath(42, p)]),
      commentFormPath(42),
      commentPath(42, 9),
    ];
    for (const href of hrefs) expect(redirectOf(href), href).toBeNull();
  });
});
