// RSS 2.0 per section: the 50 newest articles of /categories/{slug}.
import { getFeedItems } from "@/lib/data/feeds";
import { getSectionBySlug } from "@/lib/data/sections";
import { site } from "@/lib/site/config";
import { feedXml } from "@/lib/seo/feed";
import { sectionFeedPath, sectionPath } from "@/lib/urls";
import { xmlResponse } from "@/lib/seo/xml";
import { safeDecode } from "@/lib/seo/decode";
import { notFoundResponse } from "@/lib/seo/status-page";

export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function GET(_req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const slug = safeDecode((await ctx.params).slug);
  const section = slug === null ? null : await getSectionBySlug(slug);
  if (!section) return notFoundResponse();
  const items = await getFeedItems(section.id);
  return xmlResponse(
    feedXml(
      {
        title: `${site.name} ${section.name}`,
        path: sectionPath(section.slug),
        selfPath: sectionFeedPath(section.slug),
        description: `${site.name} ${section.name} 분야의 최신기사`,
      },
      items,
    ),
    "application/rss+xml",
  );
}
