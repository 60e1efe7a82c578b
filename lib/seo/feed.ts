// RSS documents from feed rows: the site-wide feed and one per section.
import type { FeedItem } from "../data/feeds";
import { site } from "../site/config";
import { reportersFromByline } from "./json-ld";
import { rssXml } from "./rss";
import { absoluteUrl, articlePath, FEED_LOGO, mediaPath } from "../urls";

export function feedXml(channel: { title: string; path: string; selfPath: string; description: string }, items: FeedItem[]): string {
  return rssXml(
    {
      title: channel.title,
      link: absoluteUrl(channel.path),
      description: channel.description,
      selfUrl: absoluteUrl(channel.selfPath),
      language: "ko",
      lastBuildDate: items[0] ? new Date(items[0].publishedAt) : new Date(0),
      image: { url: absoluteUrl(FEED_LOGO.path), width: FEED_LOGO.width, height: FEED_LOGO.height },
      ttlMinutes: 30,
    },
    items.map((i) => ({
      title: i.title,
      link: absoluteUrl(articlePath(i.id)),
      description: i.excerpt,
      pubDate: i.publishedAt,
      category: i.sectionName,
      creator: i.authorName ?? (reportersFromByline(i.byline).join(", ") || null),
      enclosure: i.image && { url: absoluteUrl(mediaPath(i.image.key)), length: i.image.bytes, type: i.image.mime },
    })),
  );
}

export const siteFeedTitle = () => `${site.name} 최신기사`;
