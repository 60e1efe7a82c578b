// The properties Google documents for Article structured data
// (https://developers.google.com/search/docs/appearance/structured-data/article) and for
// breadcrumbs, as a checker. Returns the list of problems; empty means valid.
type Obj = Record<string, unknown>;

const ARTICLE_TYPES = ["Article", "NewsArticle", "BlogPosting"];
const ORGANIZATION_TYPES = ["Organization", "NewsMediaOrganization", "Corporation"];
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const isUrl = (v: unknown): v is string => typeof v === "string" && /^https?:\/\//.test(v) && URL.canParse(v);
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

export function checkArticleLd(d: Obj, canonicalUrl?: string): string[] {
  const p: string[] = [];
  if (d["@context"] !== "https://schema.org" && d["@context"] !== "http://schema.org") p.push("@context is not schema.org");
  if (!ARTICLE_TYPES.includes(String(d["@type"]))) p.push(`@type ${String(d["@type"])} is not an article type`);
  if (typeof d.headline !== "string" || !d.headline.trim()) p.push("headline is missing");
  else if (d.headline.length > 110) p.push(`headline is ${d.headline.length} characters (Google shows 110)`);
  // Recommended, not required (an article without a photo has none); when given, URLs.
  const images = list(d.image);
  for (const img of images) {
    const url = isObj(img) ? img.url : img;
    if (!isUrl(url)) p.push(`image ${JSON.stringify(img)} is not an absolute URL`);
  }
  for (const k of ["datePublished", "dateModified"]) {
    const v = d[k];
    if (typeof v !== "string" || !ISO_WITH_OFFSET.test(v) || Number.isNaN(Date.parse(v))) p.push(`${k} is not ISO 8601 with a time zone: ${String(v)}`);
  }
  if (typeof d.datePublished === "string" && typeof d.dateModified === "string" && Date.parse(d.dateModified) < Date.parse(d.datePublished)) {
    p.push("dateModified is before datePublished");
  }
  const authors = list(d.author);
  if (authors.length === 0) p.push("author is missing");
  for (const a of authors) {
    if (!isObj(a) || !["Person", ...ORGANIZATION_TYPES].includes(String(a["@type"]))) p.push("author is not a Person or an Organization");
    else if (typeof a.name !== "string" || !a.name.trim()) p.push("author has no name");
    else if (a["@type"] === "Person" && /기자$|reporter/i.test(a.name)) p.push(`author name "${a.name}" carries a job title`);
  }
  const pub = d.publisher;
  if (!isObj(pub) || !ORGANIZATION_TYPES.includes(String(pub["@type"]))) p.push("publisher is not an Organization");
  else {
    if (typeof pub.name !== "string" || !pub.name.trim()) p.push("publisher has no name");
    const logo = isObj(pub.logo) ? pub.logo.url : pub.logo;
    if (!isUrl(logo)) p.push("publisher has no logo URL");
  }
  const main = d.mainEntityOfPage;
  const mainId = isObj(main) ? main["@id"] : main;
  if (!isUrl(mainId)) p.push("mainEntityOfPage is not the page URL");
  else if (canonicalUrl && mainId !== canonicalUrl) p.push(`mainEntityOfPage ${mainId} is not the canonical ${canonicalUrl}`);
  if (d.articleSection !== undefined && (typeof d.articleSection !== "string" || !d.articleSection)) p.push("articleSection is empty");
  return p;
}

export function checkBreadcrumbLd(d: Obj): string[] {
  const p: string[] = [];
  if (d["@type"] !== "BreadcrumbList") return [`@type ${String(d["@type"])} is not BreadcrumbList`];
  const items = list(d.itemListElement);
  if (items.length < 2) p.push("a breadcrumb trail needs at least two items");
  items.forEach((it, i) => {
    if (!isObj(it) || it["@type"] !== "ListItem") return p.push(`item ${i + 1} is not a ListItem`);
    if (it.position !== i + 1) p.push(`item ${i + 1} has position ${String(it.position)}`);
    if (typeof it.name !== "string" || !it.name) p.push(`item ${i + 1} has no name`);
    if (i < items.length - 1 && !isUrl(it.item)) p.push(`item ${i + 1} has no URL`);
  });
  return p;
}

/** The JSON-LD blocks of an HTML page, parsed (a block that is not JSON fails loudly). */
export function jsonLdBlocks(html: string): Obj[] {
  const out: Obj[] = [];
  for (const m of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
    for (const v of list(JSON.parse(m[1]))) if (isObj(v)) out.push(v);
  }
  return out;
}
