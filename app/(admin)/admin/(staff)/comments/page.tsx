import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { isEditor } from "@/lib/auth/roles";
import { activeBlocks, listAllComments } from "@/lib/data/moderation";
import { parsePage } from "@/lib/pagination";
import { formatDateTime } from "@/lib/china-time";
import { blockCommenterAction, deleteCommentAction, hideCommentAction, showCommentAction, unblockCommenterAction } from "@/lib/actions/moderation";
import { ActionButton } from "@/components/admin/action-button";
import { AdminPager } from "@/components/admin/admin-pager";
import { Forbidden } from "@/components/admin/forbidden";
import { articlePath } from "@/lib/urls";

export const metadata: Metadata = { title: "댓글 관리" };

type Props = { searchParams: Promise<{ page?: string; status?: string }> };

export default async function CommentsPage({ searchParams }: Props) {
  const actor = await requireActor("/admin/comments");
  if (!isEditor(actor)) return <Forbidden what="댓글 관리는 편집자와 관리자만 할 수 있습니다." />;
  const sp = await searchParams;
  const page = parsePage(sp.page) ?? 1;
  const status = sp.status === "HIDDEN" || sp.status === "VISIBLE" ? sp.status : undefined;
  const [{ rows, pages, total }, blocks] = await Promise.all([listAllComments(page, status), activeBlocks()]);
  const href = (p: number) => `/admin/comments?${status ? `status=${status}&` : ""}page=${p}`;
  return (
    <>
      <h1>댓글 관리</h1>
      <nav className="tabs" aria-label="댓글 거르기">
        <Link href="/admin/comments" aria-current={!status ? "page" : undefined}>
          전체
        </Link>
        <Link href="/admin/comments?status=VISIBLE" aria-current={status === "VISIBLE" ? "page" : undefined}>
          보이는 댓글
        </Link>
        <Link href="/admin/comments?status=HIDDEN" aria-current={status === "HIDDEN" ? "page" : undefined}>
          숨긴 댓글
        </Link>
      </nav>
      <p className="muted">Total : {total.toLocaleString("ko-KR")}</p>
      <ul className="comment-list">
        {rows.map((c) => (
          <li key={c.id} className={c.status === "HIDDEN" ? "is-hidden" : ""}>
            <p className="comment-meta">
              <strong>{c.nickname}</strong> · {formatDateTime(c.createdAt)} · <Link href={articlePath(c.article.id)}>{c.article.title}</Link> ·{" "}
              <span className="muted small" title="작성자 IP의 해시">
                IP {c.ipHash.slice(0, 8)}
              </span>
              {c.status === "HIDDEN" && <span className="status status-trash">숨김</span>}
            </p>
            <p className="comment-body">{c.body}</p>
            <div className="row-actions">
              {c.status === "VISIBLE" ? (
                <ActionButton action={hideCommentAction} fields={{ id: c.id }} label="숨기기" />
              ) : (
                <ActionButton action={showCommentAction} fields={{ id: c.id }} label="다시 보이기" />
              )}
              <ActionButton action={deleteCommentAction} fields={{ id: c.id }} label="지우기" danger confirm="이 댓글을 지울까요? 되돌릴 수 없습니다." />
              <ActionButton action={blockCommenterAction} fields={{ commentId: c.id }} label="작성자 차단" danger>
                <select name="days" aria-label="차단 기간" defaultValue="7">
                  <option value="1">1일</option>
                  <option value="7">7일</option>
                  <option value="30">30일</option>
                  <option value="365">1년</option>
                </select>
                <label className="small">
                  <input type="checkbox" name="hideAll" /> 이 작성자의 댓글 모두 숨기기
                </label>
              </ActionButton>
            </div>
          </li>
        ))}
        {rows.length === 0 && <li className="muted">댓글이 없습니다.</li>}
      </ul>
      <AdminPager page={page} pages={pages} href={href} />
      <h2>차단 중인 작성자</h2>
      <ul className="block-list">
        {blocks.map((b) => (
          <li key={b.id}>
            IP {b.ipHash.slice(0, 8)} · {formatDateTime(b.until)}까지 · {b.reason ?? "사유 없음"} · {b.createdBy?.name ?? "—"}
            <ActionButton action={unblockCommenterAction} fields={{ blockId: b.id }} label="차단 풀기" />
          </li>
        ))}
        {blocks.length === 0 && <li className="muted">차단 중인 작성자가 없습니다.</li>}
      </ul>
    </>
  );
}
