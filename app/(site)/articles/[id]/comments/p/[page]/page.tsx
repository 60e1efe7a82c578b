// Older comments of an article: /articles/{id}/comments/p/{n}, a cached page per number
// (tagged comments:{id} like the article itself), so long threads never force a render
// per request. Page 1 is the article page.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getArticle } from "@/lib/data/articles";
import { getCommentPage } from "@/lib/data/comments";
import { parsePage } from "@/lib/pagination";
import { parseId } from "@/lib/route-params";
import { Pager } from "@/components/article/pager";
import { CommentList } from "@/components/comments/comment-list";
import { articlePath, commentFormPath, commentsPath } from "@/lib/urls";

export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ id: string; page: string }> };

async function load(params: Props["params"]) {
  const { id: rawId, page: rawPage } = await params;
  const id = parseId(rawId);
  const page = parsePage(rawPage);
  if (id === null || page === null) return null;
  const article = await getArticle(id);
  const data = article && (await getCommentPage(id, page));
  return article && data ? { article, data } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const r = await load(params);
  if (!r) return { title: "찾을 수 없습니다", robots: { index: false } };
  return { title: `${r.article.title} - 댓글 ${r.data.page}페지`, robots: { index: false, follow: true } };
}

export default async function CommentPages({ params }: Props) {
  const r = await load(params);
  if (!r) notFound();
  const { article, data } = r;
  return (
    <div className="article-layout">
      <section className="comments" aria-labelledby="comments-heading">
        <p className="comments-back">
          <a href={articlePath(article.id)}>‹ 《{article.title}》</a>
        </p>
        <h1 id="comments-heading" className="comments-heading">
          댓글 <span className="comments-count">{data.total}</span> <span className="comments-page">({data.page}페지)</span>
        </h1>
        <CommentList items={data.items} />
        <Pager page={data.page} pages={data.pages} href={(p) => commentsPath(article.id, p)} label="댓글 페지 이동" />
        <p className="comments-write">
          <a href={commentFormPath(article.id)}>댓글 쓰기</a>
        </p>
      </section>
    </div>
  );
}
