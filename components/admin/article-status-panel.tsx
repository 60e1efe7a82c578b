// Beside the editor: what may be done with the article as it stands (unpublish, bin...).
import { canTrashArticle, isEditor, type Actor } from "@/lib/auth/roles";
import { publishArticleAction, restoreArticleAction, trashArticleAction, unpublishArticleAction } from "@/lib/actions/articles";
import { isPublished } from "@/lib/data/published";
import { formatDateTime } from "@/lib/china-time";
import { ActionButton } from "./action-button";
import { SendBackForm } from "./send-back-form";

type A = { id: number; version: number; status: string; authorId: number | null; deletedAt: Date | null; publishedAt: Date | null };

export function ArticleStatusPanel({ actor, article: a }: { actor: Actor; article: A }) {
  const editor = isEditor(actor);
  return (
    <div className="status-panel">
      {a.status === "SCHEDULED" && a.publishedAt && <p className="notice">{formatDateTime(a.publishedAt)} (중국시간)에 게시될 예정입니다.</p>}
      {isPublished(a) && (
        <p className="notice">
          독자에게 보이는 기사입니다 ({a.publishedAt ? formatDateTime(a.publishedAt) : ""}). 저장하면 바로 바뀝니다.
        </p>
      )}
      <div className="row-actions">
        {editor && a.status === "PENDING" && <ActionButton action={publishArticleAction} fields={{ id: a.id }} label="검토 끝, 게시" />}
        {editor && (a.status === "PUBLISHED" || a.status === "SCHEDULED") && !a.deletedAt && (
          <ActionButton action={unpublishArticleAction} fields={{ id: a.id }} label={a.status === "SCHEDULED" ? "예약 취소" : "게시 취소"} />
        )}
        {!a.deletedAt && canTrashArticle(actor, a) && (
          <ActionButton action={trashArticleAction} fields={{ id: a.id }} label="휴지통으로" danger confirm="이 기사를 휴지통으로 옮길까요? 독자에게서 바로 사라집니다." />
        )}
        {a.deletedAt && editor && <ActionButton action={restoreArticleAction} fields={{ id: a.id }} label="휴지통에서 되살리기" />}
      </div>
      {editor && a.status === "PENDING" && !a.deletedAt && <SendBackForm id={a.id} version={a.version} />}
    </div>
  );
}
