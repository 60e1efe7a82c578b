// schema.org structured data: NewsArticle with the properties Google documents for
// articles, BreadcrumbList, WebSite with its search box, and the publisher.
import { isoChina } from "../china-time";
import { site } from "../site/config";
import type { Article } from "../types";
import { articleImageSet } from "./images";
import { modifiedAt } from "./metadata";
import { absoluteUrl, articlePath, LOGO, SEARCH_TEMPLATE_PATH } from "../urls";

export type JsonLdObject = { "@context"?: string; "@type": string; [key: string]: unknown };

/** Google shows at most about 110 characters of a headline. */
export const HEADLINE_MAX = 110;
const headline = (t: string) => (t.length <= HEADLINE_MAX ? t : `${t.slice(0, HEADLINE_MAX - 1).trimEnd()}…`);

export function publisherLd(): JsonLdObject {
  return {
    "@type": "Organization",
    "@id": `${site.url}/#publisher`,
    name: site.name,
    url: `${site.url}/`,
    logo: { "@type": "ImageObject", url: absoluteUrl(LOGO.path), width: LOGO.width, height: LOGO.height },
  };
}

/**
 * Reporters named in a byline, written `/길림신문 리전기자` or `/연변일보 김철 박영기자`
 * (source, names, 기자) or `/김철` (a writer's own name, literature): names only, without the
 * job title, as Google asks.
 */
export function reportersFromByline(byline: string | null): string[] {
  const text = byline?.trim().replace(/^\/\s*/, "") ?? "";
  const name = /^[가-힣]{2,5}$/;
  if (/기자$/.test(text)) {
    const tokens = text.replace(/\s*기자$/, "").split(/\s+/);
    const names = tokens.length > 1 ? tokens.slice(1) : tokens;
    return names.every((n) => name.test(n)) ? names : [];
  }
  return name.test(text) ? [text] : [];
}

function authorLd(a: Article): JsonLdObject[] {
  const names = a.authorName ? [a.authorName] : reportersFromByline(a.byline);
  return names.length ? names.map((name) => ({ "@type": "Person", name })) : [{ "@type": "Organization", name: a.sourceName || site.name }];
}

export function newsArticleLd(a: Article): JsonLdObject {
  const url = absoluteUrl(articlePath(a.id));
  const images = articleImageSet(a.cover, a.cover?.alt || a.title);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    headline: headline(a.title),
    ...(a.subtitle ? { alternativeHeadline: a.subtitle } : {}),
    description: a.excerpt,
    ...(images.length ? { image: images.map((i) => i.url) } : {}),
    datePublished: isoChina(a.publishedAt),
    dateModified: isoChina(modifiedAt(a)),
    author: authorLd(a),
    publisher: publisherLd(),
    articleSection: a.section.name,
    inLanguage: "ko",
    isAccessibleForFree: true,
  };
}

export function breadcrumbLd(items: { name: string; path: string }[]): JsonLdObject {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((it, i) => ({ "@type": "ListItem", position: i + 1, name: it.name, item: absoluteUrl(it.path) })),
  };
}

export function websiteLd(): JsonLdObject {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    "@id": `${site.url}/#website`,
    name: site.name,
    url: `${site.url}/`,
    inLanguage: "ko",
    publisher: publisherLd(),
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: absoluteUrl(SEARCH_TEMPLATE_PATH) },
      "query-input": "required name=search_term_string",
    },
  };
}

/** JSON for a <script> element: `<` escaped so that no text can close the element. */
export function serializeJsonLd(data: JsonLdObject | JsonLdObject[]): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
