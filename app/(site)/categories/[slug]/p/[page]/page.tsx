// /categories/{slug}?page=N, rewritten here (next.config.mjs) so that every page number
// is its own cached page instead of a per-request render of searchParams.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSectionBySlug } from "@/lib/data/sections";
import { listArticles } from "@/lib/data/articles";
import { parsePage } from "@/lib/pagination";
import { ArticleList } from "@/components/article/article-list";
import { JsonLd } from "@/components/seo/json-ld";
import { notFoundMetadata, sectionMetadata } from "@/lib/seo/metadata";
import { breadcrumbLd } from "@/lib/seo/json-ld";
import { sectionPath } from "@/lib/urls";

export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; page: string }> };

async function load(params: Props["params"]) {
  const { slug, page: raw } = await params;
  const page = parsePage(raw);
  const section = await getSectionBySlug(decodeURIComponent(slug));
  if (!section || page === null) return null;
  const data = await listArticles(section.id, page);
  return data && { section, data };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const r = await load(params);
  return r ? sectionMetadata(r.section, r.data.page) : notFoundMetadata();
}

export default async function CategoryPage({ params }: Props) {
  const r = await load(params);
  if (!r) notFound();
  const { section, data } = r;
  return (
    <>
      <JsonLd data={breadcrumbLd([{ name: "홈", path: "/" }, { name: section.name, path: sectionPath(section.slug) }])} />
      <ArticleList data={data} heading={section.name} headingLevel={1} href={(p) => sectionPath(section.slug, p)} />
    </>
  );
}
