// RSS 2.0 (https://www.rssboard.org/rss-specification) with atom:link rel="self" and
// dc:creator, as feed readers and validators expect.
import { rfc822China } from "../china-time";
import { el, escapeXml, XML_DECLARATION } from "./xml";

export type RssChannel = {
  title: string;
  link: string;
  description: string;
  selfUrl: string;
  language: string;
  lastBuildDate: Date;
  image?: { url: string; width: number; height: number };
  ttlMinutes?: number;
};
export type RssItem = {
  title: string;
  link: string;
  description: string;
  pubDate: Date | string;
  category?: string;
  creator?: string | null;
  enclosure?: { url: string; length: number; type: string } | null;
};

function itemXml(i: RssItem): string {
  const enclosure = i.enclosure
    ? `<enclosure url="${escapeXml(i.enclosure.url)}" length="${i.enclosure.length}" type="${escapeXml(i.enclosure.type)}"/>`
    : "";
  return (
    `<item>${el("title", i.title)}${el("link", i.link)}<guid isPermaLink="true">${escapeXml(i.link)}</guid>` +
    `${el("pubDate", rfc822China(i.pubDate))}${el("description", i.description)}${el("category", i.category)}` +
    `${el("dc:creator", i.creator)}${enclosure}</item>`
  );
}

export function rssXml(c: RssChannel, items: RssItem[]): string {
  const image = c.image
    ? `<image>${el("url", c.image.url)}${el("title", c.title)}${el("link", c.link)}${el("width", c.image.width)}${el("height", c.image.height)}</image>`
    : "";
  return [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "<channel>",
    `${el("title", c.title)}${el("link", c.link)}${el("description", c.description)}${el("language", c.language)}`,
    `${el("lastBuildDate", rfc822China(c.lastBuildDate))}${el("ttl", c.ttlMinutes)}`,
    `<atom:link href="${escapeXml(c.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    image,
    ...items.map(itemXml),
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}
