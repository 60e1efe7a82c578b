// The Google News sitemap: articles of the last two days, at most 1,000.
import { getNewsItems } from "@/lib/data/sitemaps";
import { site } from "@/lib/site/config";
import { newsSitemapXml } from "@/lib/seo/sitemap-xml";
import { absoluteUrl, articlePath } from "@/lib/urls";
import { xmlResponse } from "@/lib/seo/xml";

export const revalidate = 300;

export async function GET() {
  const items = await getNewsItems();
  return xmlResponse(
    newsSitemapXml(
      items.map((i) => ({ loc: absoluteUrl(articlePath(i.id)), title: i.title, publishedAt: i.publishedAt, publicationName: site.name, language: "ko" })),
    ),
  );
}
