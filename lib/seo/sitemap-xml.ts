// Sitemap protocol 0.9 documents: the index, URL sets (with the image extension) and the
// Google News sitemap. Dates are W3C datetimes in China time.
import { isoChina } from "../china-time";
import { el, escapeXml, XML_DECLARATION } from "./xml";

export const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
export const IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";
export const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
/** The protocol's limit of URLs (and of child sitemaps) per file. */
export const SITEMAP_MAX_URLS = 50_000;

export type SitemapRef = { loc: string; lastmod?: string | Date | null };
export type SitemapUrl = {
  loc: string;
  lastmod?: string | Date | null;
  changefreq?: "always" | "hourly" | "daily" | "weekly" | "monthly" | "yearly" | "never";
  priority?: number;
  images?: { loc: string }[];
};
export type NewsUrl = { loc: string; title: string; publishedAt: string | Date; publicationName: string; language: string };

const lastmod = (d: string | Date | null | undefined) => (d ? el("lastmod", isoChina(d)) : "");

export function sitemapIndexXml(refs: SitemapRef[]): string {
  const body = refs.map((r) => `<sitemap>${el("loc", r.loc)}${lastmod(r.lastmod)}</sitemap>`).join("\n");
  return `${XML_DECLARATION}\n<sitemapindex xmlns="${SITEMAP_NS}">\n${body}\n</sitemapindex>\n`;
}

export function urlsetXml(urls: SitemapUrl[]): string {
  const withImages = urls.some((u) => u.images?.length);
  const body = urls
    .map((u) => {
      const images = (u.images ?? []).map((i) => `<image:image>${el("image:loc", i.loc)}</image:image>`).join("");
      const priority = u.priority === undefined ? "" : el("priority", u.priority.toFixed(1));
      return `<url>${el("loc", u.loc)}${lastmod(u.lastmod)}${el("changefreq", u.changefreq)}${priority}${images}</url>`;
    })
    .join("\n");
  const ns = withImages ? ` xmlns:image="${IMAGE_NS}"` : "";
  return `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NS}"${ns}>\n${body}\n</urlset>\n`;
}

/** Google News sitemap: https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap */
export function newsSitemapXml(urls: NewsUrl[]): string {
  const body = urls
    .map(
      (u) =>
        `<url>${el("loc", u.loc)}<news:news><news:publication>${el("news:name", u.publicationName)}${el("news:language", u.language)}</news:publication>` +
        `${el("news:publication_date", isoChina(u.publishedAt))}<news:title>${escapeXml(u.title)}</news:title></news:news></url>`,
    )
    .join("\n");
  return `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${body}\n</urlset>\n`;
}
