// Above the editor: the send-back note the article is under, and a newer autosave to load.
import Link from "next/link";
import { formatDateTime } from "@/lib/china-time";
import { discardAutosaveAction } from "@/lib/actions/desk";
import { ActionButton } from "./action-button";

type Rev = { id: number; createdAt: Date; note: string | null; createdBy: { name: string } | null };

export function SendBackNotice({ note }: { note: Omit<Rev, "id"> }) {
  return (
    <div className="notice is-error send-back-note" role="note" data-testid="send-back-note">
      <p>
        <strong>반려되었습니다</strong> · {note.createdBy?.name ?? "편집자"} 님, {formatDateTime(note.createdAt)} (중국시간)
      </p>
      {/* The note is the editor's plain text: React escapes it, line breaks kept by CSS. */}
      <p className="send-back-text">{note.note}</p>
      <p className="muted small">고친 뒤 다시 검토를 요청하면 이 메모는 사라지고, 고친 이력에는 남습니다.</p>
    </div>
  );
}

export function AutosaveOffer({ articleId, rev, loaded }: { articleId: number; rev: Rev; loaded: boolean }) {
  if (loaded) {
    return (
      <div className="notice" role="status" data-testid="autosave-loaded">
        {formatDateTime(rev.createdAt)} 자동저장본을 불러왔습니다. 아직 저장되지 않았습니다: &lsquo;저장&rsquo;을 눌러야 반영됩니다.{" "}
        <Link href={`/admin/articles/${articleId}/edit`}>저장된 판으로 돌아가기</Link>
      </div>
    );
  }
  return (
    <div className="notice autosave-offer" role="status" data-testid="autosave-offer">
      <p>
        마지막 저장보다 새 자동저장본이 있습니다: {formatDateTime(rev.createdAt)} (중국시간), {rev.createdBy?.name ?? "—"} 님
        {rev.note ? ` · ${rev.note}` : ""}.
      </p>
      <div className="row-actions">
        <Link className="btn" href={`/admin/articles/${articleId}/edit?autosave=${rev.id}`}>
          불러오기
        </Link>
        <ActionButton action={discardAutosaveAction} fields={{ revisionId: rev.id }} label="버리기" confirm="이 자동저장본을 지울까요? 되돌릴 수 없습니다." />
      </div>
    </div>
  );
}
