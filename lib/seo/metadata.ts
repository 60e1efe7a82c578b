// Metadata (title, description, canonical link, Open Graph, Twitter card, feed
// autodiscovery) for each kind of reader page. Next merges `alternates` and `openGraph`
// shallowly, so every builder sets them in full.
import type { Metadata } from "next";
import { isoChina } from "../china-time";
import { site } from "../site/config";
import type { Article, ImageRef, SectionRef } from "../types";
import { cardImage } from "./images";
import { absoluteUrl, archivePath, articlePath, FEED_PATH, sectionFeedPath, sectionPath } from "../urls";

type Feed = { url: string; title: string };
const siteFeed: Feed = { url: absoluteUrl(FEED_PATH), title: `${site.name} 최신기사` };
const sectionFeed = (s: SectionRef): Feed => ({ url: absoluteUrl(sectionFeedPath(s.slug)), title: `${site.name} ${s.name}` });

function alternates(path: string, feeds: Feed[] = []): Metadata["alternates"] {
  return { canonical: absoluteUrl(path), types: { "application/rss+xml": [siteFeed, ...feeds] } };
}

/** ` (3페지)` for page 3, nothing for page 1: each page of a list is its own document. */
export const pageSuffix = (page: number) => (page > 1 ? ` (${page}페지)` : "");

function websiteCard(path: string, title: string, description: string): Pick<Metadata, "openGraph" | "twitter"> {
  const image = cardImage(null, site.name);
  return {
    openGraph: { type: "website", siteName: site.name, locale: "ko_KR", url: absoluteUrl(path), title, description, images: [image] },
    twitter: { card: "summary", title, description, images: [image.url] },
  };
}

export function homeMetadata(): Metadata {
  const title = `${site.name} - 우리 말 뉴스포털`;
  return { title: { absolute: title }, description: site.description, alternates: alternates("/"), ...websiteCard("/", title, site.description) };
}

export function sectionMetadata(section: SectionRef, page: number): Metadata {
  const title = `${section.name}${pageSuffix(page)}`;
  const description = `${section.name} 분야의 기사를 최신순으로 봅니다${pageSuffix(page)}.`;
  const path = sectionPath(section.slug, page);
  return { title, description, alternates: alternates(path, [sectionFeed(section)]), ...websiteCard(path, `${title} - ${site.name}`, description) };
}

export function archiveMetadata(page: number): Metadata {
  const title = `전체기사${pageSuffix(page)}`;
  const description = `${site.name}의 모든 기사를 최신순으로 봅니다${pageSuffix(page)}.`;
  const path = archivePath(page);
  return { title, description, alternates: alternates(path), ...websiteCard(path, `${title} - ${site.name}`, description) };
}

/** What an editor set in "검색·공유 설정"; each empty one falls back to the title, excerpt or cover. */
export type ArticleSeo = { title: string | null; description: string | null; image: ImageRef | null };

export function articleMetadata(a: Article, seo: ArticleSeo = { title: null, description: null, image: null }): Metadata {
  const path = articlePath(a.id);
  const description = seo.description || a.excerpt || a.subtitle || site.description;
  const picture = seo.image ?? a.cover;
  const image = cardImage(picture, picture?.alt || a.title);
  const title = seo.title || a.title;
  return {
    title,
    description,
    alternates: alternates(path, [sectionFeed(a.section)]),
    openGraph: {
      type: "article",
      siteName: site.name,
      locale: "ko_KR",
      url: absoluteUrl(path),
      title,
      description,
      images: [image],
      publishedTime: isoChina(a.publishedAt),
      modifiedTime: isoChina(modifiedAt(a)),
      section: a.section.name,
      ...(a.authorName ? { authors: [a.authorName] } : {}),
    },
    twitter: { card: picture ? "summary_large_image" : "summary", title, description, images: [image.url] },
  };
}

/** An article edited before it went out was modified when it was published. */
export const modifiedAt = (a: Pick<Article, "publishedAt" | "updatedAt">) =>
  new Date(Math.max(Date.parse(a.publishedAt), Date.parse(a.updatedAt))).toISOString();

export const notFoundMetadata = (): Metadata => ({ title: "찾을 수 없습니다", robots: { index: false } });
