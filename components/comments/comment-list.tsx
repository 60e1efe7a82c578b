// Comments as readers wrote them: text is rendered as text (React escapes it), line breaks
// kept by CSS, times in China time.
import { formatDateTime, isoChina } from "@/lib/china-time";
import type { PublicComment } from "@/lib/comments/list";

export function CommentList({ items }: { items: PublicComment[] }) {
  if (items.length === 0) return <p className="comment-empty">아직 댓글이 없습니다. 첫 댓글을 남겨 주세요.</p>;
  return (
    <ol className="comment-list">
      {items.map((c) => (
        <li key={c.id} id={`c${c.id}`} className="comment">
          <p className="comment-meta">
            <strong className="comment-nick">{c.nickname}</strong>
            <time dateTime={isoChina(c.createdAt)}>{formatDateTime(c.createdAt)}</time>
          </p>
          <p className="comment-text">{c.body}</p>
        </li>
      ))}
    </ol>
  );
}
