// Names of the child sitemaps under /sitemaps/: one for sections, one per month of
// publication (China time), split in parts only if a month ever passes 50,000 articles.
import { SITEMAP_MAX_URLS } from "./sitemap-xml";

export type SitemapName = { kind: "sections" } | { kind: "month"; month: string; part: number };

export function parseSitemapName(raw: string): SitemapName | null {
  if (raw === "sections.xml") return { kind: "sections" };
  const m = /^articles-(\d{4})-(0[1-9]|1[0-2])(?:-([2-9]|[1-9]\d{1,3}))?\.xml$/.exec(raw);
  if (!m) return null;
  return { kind: "month", month: `${m[1]}-${m[2]}`, part: m[3] ? Number(m[3]) : 1 };
}

/** Child sitemaps of a month holding `count` articles. */
export function monthParts(month: string, count: number, perFile = SITEMAP_MAX_URLS): SitemapName[] {
  const parts = Math.max(1, Math.ceil(count / perFile));
  return Array.from({ length: parts }, (_, i) => ({ kind: "month" as const, month, part: i + 1 }));
}
