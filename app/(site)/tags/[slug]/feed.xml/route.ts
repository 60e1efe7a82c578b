// RSS 2.0 per tag: the 50 newest articles of /tags/{slug}.
import { getTagFeedItems } from "@/lib/data/feeds";
import { getTagBySlug } from "@/lib/data/tags";
import { site } from "@/lib/site/config";
import { feedXml } from "@/lib/seo/feed";
import { tagFeedPath, tagPath } from "@/lib/urls";
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
  const tag = slug === null || slug.length > 200 ? null : await getTagBySlug(slug);
  if (!tag) return notFoundResponse();
  const items = await getTagFeedItems(tag.id);
  return xmlResponse(
    feedXml({ title: `${site.name} #${tag.name}`, path: tagPath(tag.slug), selfPath: tagFeedPath(tag.slug), description: `${site.name} ‘${tag.name}’ 태그의 최신기사` }, items),
    "application/rss+xml",
  );
}
