// The RSS writer against the RSS 2.0 rules (tests/validators/rss.ts), and the checker
// against feeds that break them.
import { describe, expect, it } from "vitest";
import { rfc822China } from "@/lib/china-time";
import { rssXml, type RssChannel, type RssItem } from "@/lib/seo/rss";
import { checkRss, isRfc822 } from "../validators/rss";

const channel: RssChannel = {
  title: "해란강뉴스 최신기사",
  link: "https://news.example.com/",
  description: "우리 말 뉴스",
  selfUrl: "https://news.example.com/rss.xml",
  language: "ko",
  lastBuildDate: new Date("2024-10-28T04:04:00Z"),
  image: { url: "https://news.example.com/brand/logo-144.png", width: 144, height: 144 },
  ttlMinutes: 30,
};
const item = (n: number, extra: Partial<RssItem> = {}): RssItem => ({
  title: `기사 ${n}: 《도시》 & <특집>`,
  link: `https://news.example.com/articles/${n}`,
  description: "로인들의 건강을 위한 활동이 진행되였다...",
  pubDate: new Date(Date.UTC(2024, 9, 28, 4, n)),
  category: "연변",
  creator: "리전",
  enclosure: { url: `https://news.example.com/media/${n}.jpg`, length: 48213, type: "image/jpeg" },
  ...extra,
});

describe("RSS 2.0 feed", () => {
  it("passes the RSS 2.0 rules with guids, dates, descriptions and image enclosures", () => {
    const xml = rssXml(channel, [item(1), item(2, { enclosure: null, creator: null })]);
    expect(checkRss(xml)).toEqual([]);
    expect(xml).toContain('<guid isPermaLink="true">https://news.example.com/articles/1</guid>');
    expect(xml).toContain('<enclosure url="https://news.example.com/media/1.jpg" length="48213" type="image/jpeg"/>');
    expect(xml).toContain("<title>기사 1: 《도시》 &amp; &lt;특집&gt;</title>");
  });

  it("dates items in RFC 822 at China time", () => {
    expect(rfc822China(new Date("2024-10-28T04:04:05Z"))).toBe("Mon, 28 Oct 2024 12:04:05 +0800");
    // Late evening UTC is the next day in China.
    expect(rfc822China("2024-12-31T20:00:00Z")).toBe("Wed, 01 Jan 2025 04:00:00 +0800");
    expect(Date.parse(rfc822China("2024-12-31T20:00:00Z"))).toBe(Date.parse("2024-12-31T20:00:00Z"));
  });

  it("has a checker that catches broken feeds", () => {
    const good = rssXml(channel, [item(1), item(2)]);
    expect(checkRss(good.replace(/<channel>\n<title>[^<]*<\/title>/, "<channel>\n"))).toContain("channel has no title");
    expect(checkRss(good.replace(/<pubDate>[^<]*/, "<pubDate>2024-10-28")).join()).toMatch(/pubDate is not RFC 822/);
    expect(checkRss(good.replace(/<guid[^>]*>[^<]*<\/guid>/, "")).join()).toMatch(/has no guid/);
    expect(checkRss(good.replace('length="48213"', 'length="big"')).join()).toMatch(/enclosure length/);
    expect(checkRss(rssXml(channel, [item(1), item(2, { title: "", description: "" })]))).toEqual(["item 2 has neither title nor description"]);
    expect(checkRss(rssXml(channel, [item(1), item(1)]))).toEqual(["item 2 repeats guid https://news.example.com/articles/1"]);
    expect(checkRss(good.replace("</channel>", "<item>"))).toHaveLength(1);
    expect(checkRss(good.replace('rel="self"', 'rel="alternate"')).join()).toMatch(/atom:link/);
  });

  it("accepts the RFC 822 forms feeds use and refuses near misses", () => {
    for (const ok of ["Mon, 28 Oct 2024 12:04:05 +0800", "28 Oct 2024 04:04 GMT", "Tue, 1 Oct 2024 00:00:00 EST"]) expect(isRfc822(ok)).toBe(true);
    for (const bad of ["Tue, 28 Oct 2024 12:04:05 +0800", "Mon, 28 October 2024 12:04:05 +0800", "2024-10-28T12:04:05+08:00", "Mon, 28 Oct 2024 25:04:05 +0800"]) {
      expect(isRfc822(bad)).toBe(false);
    }
  });
});
