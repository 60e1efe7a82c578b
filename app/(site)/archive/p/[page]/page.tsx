// /archive?page=N (all published articles, newest first), rewritten here like the sections.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listArticles } from "@/lib/data/articles";
import { parsePage } from "@/lib/pagination";
import { ArticleList } from "@/components/article/article-list";
import { archiveMetadata, notFoundMetadata } from "@/lib/seo/metadata";
import { archivePath } from "@/lib/urls";

export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ page: string }> };

async function load(params: Props["params"]) {
  const page = parsePage((await params).page);
  return page === null ? null : listArticles(null, page);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load(params);
  return data ? archiveMetadata(data.page) : notFoundMetadata();
}

export default async function ArchivePage({ params }: Props) {
  const data = await load(params);
  if (!data) notFound();
  return <ArticleList data={data} heading="전체기사" headingLevel={1} href={archivePath} />;
}
