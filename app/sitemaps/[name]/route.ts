// Child sitemaps: /sitemaps/sections.xml (home, archive, sections) and
// /sitemaps/articles-YYYY-MM.xml (a month's articles with their cover photo).
import { getMonthArticles, getSectionsLastmod } from "@/lib/data/sitemaps";
import { parseSitemapName } from "@/lib/seo/sitemap-names";
import { urlsetXml, type SitemapUrl } from "@/lib/seo/sitemap-xml";
import { absoluteUrl, archivePath, articlePath, mediaPath, sectionPath } from "@/lib/urls";
import { xmlResponse } from "@/lib/seo/xml";

export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const notFound = () => new Response("sitemap not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(_req: Request, ctx: { params: Promise<{ name: string }> }) {
  const name = parseSitemapName((await ctx.params).name);
  if (!name) return notFound();
  if (name.kind === "sections") {
    const sections = await getSectionsLastmod();
    const newest = sections.map((s) => s.lastmod).filter(Boolean).sort((a, b) => +new Date(b!) - +new Date(a!))[0] ?? null;
    const urls: SitemapUrl[] = [
      { loc: absoluteUrl("/"), lastmod: newest, changefreq: "hourly", priority: 1 },
      { loc: absoluteUrl(archivePath()), lastmod: newest, changefreq: "hourly", priority: 0.5 },
      ...sections.map((s) => ({ loc: absoluteUrl(sectionPath(s.slug)), lastmod: s.lastmod, changefreq: "hourly" as const, priority: 0.8 })),
    ];
    return xmlResponse(urlsetXml(urls));
  }
  const rows = await getMonthArticles(name.month, name.part);
  if (rows.length === 0) return notFound();
  const urls: SitemapUrl[] = rows.map((r) => ({
    loc: absoluteUrl(articlePath(r.id)),
    lastmod: r.lastmod,
    images: r.imageKey ? [{ loc: absoluteUrl(mediaPath(r.imageKey)) }] : [],
  }));
  return xmlResponse(urlsetXml(urls));
}
