// Non-canonical reader URLs and where proxy.ts sends them with a 301.
import { describe, expect, it } from "vitest";
import { articleIdFromPath, canonicalRedirect } from "@/lib/seo/canonical";

const go = (url: string) => {
  const u = new URL(url, "http://x");
  return canonicalRedirect(u.pathname, u.searchParams);
};

describe("canonical redirects", () => {
  it("drops leading zeros from article ids and keeps the query", () => {
    expect(go("/articles/0123")).toBe("/articles/123");
    expect(go("/articles/007?utm_source=wechat")).toBe("/articles/7?utm_source=wechat");
    expect(go("/articles/123")).toBeNull();
    expect(go("/articles/0")).toBeNull(); // not an id at all: the page answers 404
    expect(go("/articles/00000000000000000001")).toBeNull();
  });

  it("sends page 1 and padded page numbers of lists to their one address", () => {
    expect(go("/archive?page=1")).toBe("/archive");
    expect(go("/archive?page=007")).toBe("/archive?page=7");
    expect(go("/categories/yanbian?page=1")).toBe("/categories/yanbian");
    expect(go("/categories/yanbian?page=02&utm=x")).toBe("/categories/yanbian?utm=x&page=2");
    expect(go("/archive?page=7")).toBeNull();
    expect(go("/archive?page=abc")).toBeNull();
  });

  it("sends the internal paths behind the ?page= rewrites to the public URL", () => {
    expect(go("/archive/p/1")).toBe("/archive");
    expect(go("/archive/p/3")).toBe("/archive?page=3");
    expect(go("/categories/yanbian/p/2")).toBe("/categories/yanbian?page=2");
    expect(go("/archive/p/zero")).toBeNull();
  });

  it("sends the first comment page to the article and drops padding from comment pages", () => {
    expect(go("/articles/42/comments/p/1")).toBe("/articles/42#comments");
    expect(go("/articles/042/comments/p/01")).toBe("/articles/42#comments");
    expect(go("/articles/42/comments/p/02")).toBe("/articles/42/comments/p/2");
    expect(go("/articles/042/comments/p/3")).toBe("/articles/42/comments/p/3");
    expect(go("/articles/42/comments/p/3")).toBeNull();
    expect(go("/articles/42/comments/p/0")).toBeNull(); // not a page: 404
  });

  it("reads the id of canonical article paths only", () => {
    expect(articleIdFromPath("/articles/42")).toBe(42);
    expect(articleIdFromPath("/articles/042")).toBeNull();
    expect(articleIdFromPath("/articles/42/comments")).toBeNull();
  });
});
