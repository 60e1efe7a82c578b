import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getArticle, listArticles } from "@/lib/data/articles";
import { parseId } from "@/lib/route-params";
import { ArticleView } from "@/components/article/article-view";
import { ArticleList } from "@/components/article/article-list";
import { CommentSection } from "@/components/comments/comment-section";
import { JsonLd } from "@/components/seo/json-ld";
import { articleMetadata, notFoundMetadata } from "@/lib/seo/metadata";
import { breadcrumbLd, newsArticleLd } from "@/lib/seo/json-ld";
import { articlePath, sectionPath } from "@/lib/urls";
import { getArticleSeo } from "@/lib/data/article-seo";
import { getArticleTags } from "@/lib/data/tags";
import { ArticleTags } from "@/components/article/article-tags";
import { ArticleShare } from "@/components/article/article-share";
import { ArticleNeighbours } from "@/components/article/article-neighbours";
import { ArticleAside } from "@/components/article/article-aside";
import { getNeighbours, getSectionMostRead } from "@/lib/data/article-context";

export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ id: string }> };

async function load(params: Props["params"]) {
  const id = parseId((await params).id);
  return id === null ? null : getArticle(id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const a = await load(params);
  return a ? articleMetadata(a, await getArticleSeo(a.id)) : notFoundMetadata();
}

export default async function ArticlePage({ params }: Props) {
  const article = await load(params);
  if (!article) notFound();
  const [list, articleTags, neighbours, mostRead] = await Promise.all([
    listArticles(article.section.id, 1),
    getArticleTags(article.id),
    getNeighbours({ id: article.id, sectionId: article.section.id, publishedAt: article.publishedAt }),
    getSectionMostRead(article.section.id),
  ]);
  return (
    <div className="article-layout">
      <JsonLd
        data={[
          newsArticleLd(article),
          breadcrumbLd([
            { name: "홈", path: "/" },
            { name: article.section.name, path: sectionPath(article.section.slug) },
            { name: article.title, path: articlePath(article.id) },
          ]),
        ]}
      />
      <div className="article-main">
        <ArticleView article={article} />
        <ArticleTags tags={articleTags} />
        <ArticleShare id={article.id} />
        <ArticleNeighbours {...neighbours} />
        <CommentSection articleId={article.id} />
        {list && (
          <ArticleList data={list} heading={`${article.section.name} 기사`} href={(p) => sectionPath(article.section.slug, p)} />
        )}
      </div>
      <ArticleAside section={article.section} latest={list?.items ?? []} mostRead={mostRead} currentId={article.id} />
    </div>
  );
}
