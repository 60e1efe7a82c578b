// RSS 2.0: the 50 newest articles of the whole site.
import { getFeedItems } from "@/lib/data/feeds";
import { site } from "@/lib/site/config";
import { feedXml, siteFeedTitle } from "@/lib/seo/feed";
import { FEED_PATH } from "@/lib/urls";
import { xmlResponse } from "@/lib/seo/xml";

export const revalidate = 3600;

export async function GET() {
  const items = await getFeedItems(null);
  return xmlResponse(feedXml({ title: siteFeedTitle(), path: "/", selfPath: FEED_PATH, description: site.description }, items), "application/rss+xml");
}
