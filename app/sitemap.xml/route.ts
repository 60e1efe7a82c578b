// The sitemap index: the sections sitemap and one child per month of publication.
import { getMonthBuckets, getSectionsLastmod } from "@/lib/data/sitemaps";
import { monthParts } from "@/lib/seo/sitemap-names";
import { sitemapIndexXml, type SitemapRef } from "@/lib/seo/sitemap-xml";
import { absoluteUrl, sitemapPath } from "@/lib/urls";
import { xmlResponse } from "@/lib/seo/xml";

export const revalidate = 3600;

export async function GET() {
  const [months, sections] = await Promise.all([getMonthBuckets(), getSectionsLastmod()]);
  const newest = sections.reduce<string | Date | null>((m, s) => (s.lastmod && (!m || new Date(s.lastmod) > new Date(m)) ? s.lastmod : m), null);
  const refs: SitemapRef[] = [
    { loc: absoluteUrl(sitemapPath({ kind: "sections" })), lastmod: newest },
    ...months.flatMap((b) => monthParts(b.month, b.count).map((n) => ({ loc: absoluteUrl(sitemapPath(n)), lastmod: b.lastmod }))),
  ];
  return xmlResponse(sitemapIndexXml(refs));
}
