// Public URLs of the portal, relative and absolute (canonical links, feeds, sitemaps).
import { site } from "../site/config";

export const absoluteUrl = (path: string) => `${site.url}${path.startsWith("/") ? path : `/${path}`}`;

export const articlePath = (id: number) => `/articles/${id}`;

/** Page 1 of a list is the bare URL; page N is its own page with `?page=N`. */
export const sectionPath = (slug: string, page = 1) =>
  `/categories/${encodeURIComponent(slug)}${page > 1 ? `?page=${page}` : ""}`;
export const archivePath = (page = 1) => `/archive${page > 1 ? `?page=${page}` : ""}`;

export const FEED_PATH = "/rss.xml";
export const sectionFeedPath = (slug: string) => `/categories/${encodeURIComponent(slug)}/rss.xml`;
export const SITEMAP_INDEX_PATH = "/sitemap.xml";
export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";
export const SEARCH_TEMPLATE_PATH = "/search?q={search_term_string}";

/** The publisher's logo for structured data and feeds, drawn by app/brand/[file]/route.ts. */
export const LOGO = { path: "/brand/logo-512.png", width: 512, height: 512 } as const;
export const FEED_LOGO = { path: "/brand/logo-144.png", width: 144, height: 144 } as const;

export const mediaPath = (key: string) => `/media/${key}`;
