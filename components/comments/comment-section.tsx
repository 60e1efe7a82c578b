// Under the article: the count, the form and the newest comments. Rendered into the cached
// article page (tagged comments:{id}); the per-visitor captcha lives in its own <img>.
import { getCommentPage } from "@/lib/data/comments";
import { Pager } from "@/components/article/pager";
import { CommentForm } from "./comment-form";
import { CommentList } from "./comment-list";
import { commentFormPath, commentsPath } from "@/lib/urls";

export async function CommentSection({ articleId }: { articleId: number }) {
  const data = await getCommentPage(articleId, 1);
  const total = data?.total ?? 0;
  return (
    <section id="comments" className="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading" className="comments-heading">
        댓글 <span className="comments-count">{total}</span>
      </h2>
      <CommentForm articleId={articleId} permalink={commentFormPath(articleId)} />
      <CommentList items={data?.items ?? []} />
      {data && <Pager page={1} pages={data.pages} href={(p) => commentsPath(articleId, p)} label="댓글 페지 이동" />}
    </section>
  );
}
