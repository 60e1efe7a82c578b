// Every public path of the portal, built here and nowhere else: pages, pagers, feeds,
// sitemaps, search and images. Each builder returns the one canonical form of its URL
// (the form lib/seo/canonical.ts leaves alone), so no link, pager or prefetch meets a 301:
// page 1 of a list is its bare URL, page 1 of an article's comments is the article itself.
// next.config.mjs (rewrites) and proxy.ts (matchers) still spell route patterns: Next reads
// them as literals at build time.
import { site } from "./site/config";
import type { CropRatio } from "./seo/crops";
import type { SitemapName } from "./seo/sitemap-names";

export const absoluteUrl = (path: string) => `${site.url}${path.startsWith("/") ? path : `/${path}`}`;

export const HOME_PATH = "/";

// Articles and their comments.
export const articlePath = (id: number) => `/articles/${id}`;
/** The QR code of the article's address (app/(site)/articles/[id]/qr.svg). */
export const articleQrPath = (id: number) => `${articlePath(id)}/qr.svg`;
/** Page 1 of the comments is part of the article page; the others are cached pages of their own. */
export const commentsPath = (articleId: number, page = 1) =>
  page > 1 ? `${articlePath(articleId)}/comments/p/${page}` : `${articlePath(articleId)}#comments`;
export const commentFormPath = (articleId: number) => `${articlePath(articleId)}#comment-form`;
export const commentPath = (articleId: number, commentId: number) => `${articlePath(articleId)}#c${commentId}`;

// Lists: page N is `?page=N` (rewritten to a cached page per number in next.config.mjs).
const withPage = (path: string, page: number) => `${path}${page > 1 ? `?page=${page}` : ""}`;
export const sectionPath = (slug: string, page = 1) => withPage(`/categories/${encodeURIComponent(slug)}`, page);
export const archivePath = (page = 1) => withPage("/archive", page);
/** A tag's list: the slug is the Korean name itself, percent-encoded; `before` is the keyset cursor of the next page. */
export const tagPath = (slug: string, before?: string) => `/tags/${encodeURIComponent(slug)}${before ? `?before=${encodeURIComponent(before)}` : ""}`;
export const tagFeedPath = (slug: string) => `/tags/${encodeURIComponent(slug)}/feed.xml`;

/** The search form's action; `searchPath` builds a results page. */
export const SEARCH_PATH = "/search";
export function searchPath({ q, section = "", page = 1 }: { q: string; section?: string; page?: number }): string {
  const p = new URLSearchParams({ q });
  if (section) p.set("section", section);
  if (page > 1) p.set("page", String(page));
  return `${SEARCH_PATH}?${p}`;
}
/** schema.org SearchAction's target (the placeholder must stay unescaped). */
export const SEARCH_TEMPLATE_PATH = `${SEARCH_PATH}?q={search_term_string}`;

// Feeds and sitemaps.
export const FEED_PATH = "/rss.xml";
export const sectionFeedPath = (slug: string) => `/categories/${encodeURIComponent(slug)}/rss.xml`;
export const SITEMAP_INDEX_PATH = "/sitemap.xml";
export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";
export const sitemapPath = (n: SitemapName) =>
  n.kind === "sections" ? "/sitemaps/sections.xml" : `/sitemaps/articles-${n.month}${n.part > 1 ? `-${n.part}` : ""}.xml`;

// Images: stored files and their fixed-ratio crops (immutable), the publisher's logo.
export const MEDIA_PREFIX = "/media/";
export const mediaPath = (key: string) => `${MEDIA_PREFIX}${key}`;
export const cropPath = (ratio: CropRatio, key: string) => `/media-crop/${ratio}/${key}`;
/** The publisher's logo for structured data and feeds, drawn by app/brand/[file]/route.ts. */
export const LOGO = { path: "/brand/logo-512.png", width: 512, height: 512 } as const;
export const FEED_LOGO = { path: "/brand/logo-144.png", width: 144, height: 144 } as const;
