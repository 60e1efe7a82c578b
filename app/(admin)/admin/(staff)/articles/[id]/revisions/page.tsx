import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { canEditArticle } from "@/lib/auth/roles";
import { getArticleForEdit, getRevision, listRevisions } from "@/lib/data/admin-articles";
import { parseId } from "@/lib/route-params";
import { formatDateTime } from "@/lib/china-time";
import { statusLabel } from "@/lib/article-status";
import { restoreRevisionAction } from "@/lib/actions/articles";
import { ActionButton } from "@/components/admin/action-button";
import { RevisionDiff } from "@/components/admin/revision-diff";
import { revisionDiff } from "@/lib/desk/revision-diff";

export const metadata: Metadata = { title: "고친 이력" };

const KIND: Record<string, string> = { SAVE: "저장", AUTOSAVE: "자동저장", PUBLISH: "게시·예약", RESTORE: "되돌림", SEND_BACK: "반려" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ rev?: string }> };

export default async function RevisionsPage({ params, searchParams }: Props) {
  const raw = (await params).id;
  const actor = await requireActor(`/admin/articles/${raw}/revisions`);
  const id = parseId(raw);
  const a = id === null ? null : await getArticleForEdit(id);
  if (!a) notFound();
  const revs = await listRevisions(a.id);
  const revId = parseId((await searchParams).rev ?? "");
  const shown = revId ? await getRevision(revId) : null;
  const current = shown && shown.articleId === a.id ? shown : null;
  const canRestore = canEditArticle(actor, a) && !a.deletedAt;
  return (
    <>
      <div className="page-head">
        <h1>고친 이력</h1>
        <Link href={`/admin/articles/${a.id}/edit`}>← {a.title || "(제목 없음)"}</Link>
      </div>
      <div className="revisions">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">때 (중국시간)</th>
              <th scope="col">종류</th>
              <th scope="col">누가</th>
              <th scope="col">제목</th>
              <th scope="col">
                <span className="visually-hidden">동작</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {revs.map((r) => (
              <tr key={r.id} aria-current={current?.id === r.id ? "true" : undefined}>
                <td>
                  <Link href={`/admin/articles/${a.id}/revisions?rev=${r.id}`}>{formatDateTime(r.createdAt)}</Link>
                </td>
                <td>
                  {KIND[r.kind]} <span className="muted small">({statusLabel(r.status)})</span>
                  {r.note && <div className="small revision-note">{r.note}</div>}
                </td>
                <td>{r.createdBy?.name ?? "—"}</td>
                <td>{r.title}</td>
                <td>{canRestore && <ActionButton action={restoreRevisionAction} fields={{ revisionId: r.id, version: a.version }} label="이 판으로 되돌리기" confirm="지금 내용을 이 판으로 바꿀까요? 지금 내용도 이력에 남습니다." />}</td>
              </tr>
            ))}
            {revs.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  아직 저장된 이력이 없습니다.
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {current && (
          <article className="revision-view">
            <h2>
              {formatDateTime(current.createdAt)} · {current.createdBy?.name ?? "—"}
            </h2>
            {current.note && <p className="notice">{current.note}</p>}
            <RevisionDiff diffs={revisionDiff(current, a)} />
            <h2>이 판의 모습</h2>
            <h3>{current.title}</h3>
            {current.subtitle && <p className="article-subtitle">{current.subtitle}</p>}
            {/* Revision bodies were cleaned with the allowlist when they were saved. */}
            <div className="article-body" dangerouslySetInnerHTML={{ __html: current.body }} />
          </article>
        )}
      </div>
    </>
  );
}
