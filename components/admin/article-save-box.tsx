// The article form's save box: where the article stands, what the last save said, and the
// buttons that save, submit, publish or schedule it.
import Link from "next/link";
import type { FormState } from "@/lib/actions/safe-action";
import { FormMessage, TextField } from "./field";
import { STATUS_LABEL } from "@/lib/article-status";

const STATUS: Record<string, string> = { NEW: "새 기사", ...STATUS_LABEL };

type Props = {
  id: number | null;
  status: string;
  autoNote: string;
  /** Why saving stopped (a save elsewhere came first), or "". */
  halted: string;
  state: FormState;
  pending: boolean;
  canPublish: boolean;
  scheduledAt: string;
  /** After a refused save: keeps the form's text as a revision; what that said. */
  onKeep?: () => void;
  kept?: { ok: boolean; message: string } | null;
  /** Opens the reader's view of the form's current (unsaved) text in a new tab. */
  onPreview?: () => void;
};

export function ArticleSaveBox({ id, status, autoNote, halted, state, pending, canPublish, scheduledAt, onKeep, kept, onPreview }: Props) {
  return (
    <div className="save-box">
      <p className="muted small">
        상태: <strong data-testid="article-status">{STATUS[status] ?? status}</strong>
        <span className="autosave" aria-live="polite">
          {autoNote}
        </span>
      </p>
      {/* A refused save's reason lives in the region below, once. */}
      <FormMessage state={state.status === 409 ? {} : state} />
      <div className="save-conflict" aria-live="assertive" data-testid="save-conflict">
        {halted && (
          <div className="form-message is-error">
            <p>{halted}</p>
            {id && (
              <p className="save-conflict-ways">
                {onKeep && (
                  <button type="button" className="btn" onClick={onKeep}>
                    내 글을 새 판으로 보관
                  </button>
                )}{" "}
                <Link href={`/admin/articles/${id}/edit`} target="_blank">
                  최신 판을 새 창에서 보기
                </Link>
              </p>
            )}
          </div>
        )}
        {kept && (
          <p className={`form-message ${kept.ok ? "is-ok" : "is-error"}`} data-testid="kept">
            {kept.message}{" "}
            {kept.ok && id && (
              <Link href={`/admin/articles/${id}/revisions`} target="_blank">
                고친 이력 보기
              </Link>
            )}
          </p>
        )}
      </div>
      <div className="save-buttons">
        <button type="submit" name="intent" value="save" className="btn" disabled={pending}>
          저장
        </button>
        {(status === "DRAFT" || status === "NEW") && (
          <button type="submit" name="intent" value="submit" className="btn" disabled={pending}>
            검토 요청
          </button>
        )}
        {canPublish && status !== "PUBLISHED" && (
          <button type="submit" name="intent" value="publish" className="btn btn-primary" disabled={pending}>
            지금 게시
          </button>
        )}
      </div>
      {canPublish && status !== "PUBLISHED" && (
        <div className="schedule-box">
          <TextField name="scheduledAt" label="예약 게시 (중국시간)" type="datetime-local" defaultValue={scheduledAt} errors={state.errors?.scheduledAt} />
          <button type="submit" name="intent" value="schedule" className="btn" disabled={pending}>
            예약
          </button>
        </div>
      )}
      {id && (
        <p className="small">
          {/* With JavaScript the form's unsaved text is autosaved first and shown; without, the stored article. */}
          <Link
            href={`/admin/articles/${id}/preview`}
            target="_blank"
            data-testid="preview-link"
            onClick={(ev) => {
              if (!onPreview) return;
              ev.preventDefault();
              onPreview();
            }}
          >
            미리보기
          </Link>{" "}
          · <Link href={`/admin/articles/${id}/revisions`}>고친 이력</Link>
        </p>
      )}
    </div>
  );
}
