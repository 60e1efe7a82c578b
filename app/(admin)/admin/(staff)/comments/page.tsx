import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { isEditor } from "@/lib/auth/roles";
import { activeBlocks, listAllComments } from "@/lib/data/moderation";
import { bannedWordsText } from "@/lib/data/banned-words";
import { formatDateTime } from "@/lib/china-time";
import {
  blockAddressAction,
  blockCommenterAction,
  bulkCommentsAction,
  deleteCommentAction,
  hideCommentAction,
  saveBannedWordsAction,
  showCommentAction,
  unblockCommenterAction,
} from "@/lib/actions/moderation";
import { BLOCK_DAYS, BLOCK_REASONS, commentListHref, parseCommentQuery } from "@/lib/validations/moderation";
import { ActionButton } from "@/components/admin/action-button";
import { BulkForm } from "@/components/admin/bulk-form";
import { BannedWordsForm, BlockAddressForm } from "@/components/admin/moderation-forms";
import { Forbidden } from "@/components/admin/forbidden";
import { articlePath } from "@/lib/urls";

export const metadata: Metadata = { title: "댓글 관리" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const BULK_FORM = "bulk-comments";

export default async function CommentsPage({ searchParams }: Props) {
  const actor = await requireActor("/admin/comments");
  if (!isEditor(actor)) return <Forbidden what="댓글 관리는 편집자와 관리자만 할 수 있습니다." />;
  const q = parseCommentQuery(await searchParams);
  const [list, blocks, banned] = await Promise.all([listAllComments(q), activeBlocks(), bannedWordsText()]);
  const tab = (status?: "VISIBLE" | "HIDDEN") => commentListHref({ ...q, status, after: undefined, before: undefined });
  return (
    <>
      <h1>댓글 관리</h1>
      <p className="small">
        <a href="#banned-words-head">금지어</a> · <a href="#block-address-head">주소 차단</a> · <a href="#blocks-head">차단 중인 작성자</a>
      </p>
      <nav className="tabs" aria-label="댓글 거르기">
        <Link href={tab()} aria-current={!q.status ? "page" : undefined}>
          전체
        </Link>
        <Link href={tab("VISIBLE")} aria-current={q.status === "VISIBLE" ? "page" : undefined}>
          보이는 댓글
        </Link>
        <Link href={tab("HIDDEN")} aria-current={q.status === "HIDDEN" ? "page" : undefined}>
          숨긴 댓글
        </Link>
      </nav>
      <form className="filters" method="get" role="search" aria-label="댓글 찾기">
        {q.status && <input type="hidden" name="status" value={q.status} />}
        <label>
          <span>기사 (번호 또는 제목의 말)</span>
          <input type="search" name="article" defaultValue={q.article ?? ""} maxLength={100} />
        </label>
        <label>
          <span>닉네임</span>
          <input type="search" name="nickname" defaultValue={q.nickname ?? ""} maxLength={40} />
        </label>
        <label>
          <span>IP 주소</span>
          <input
            type="search"
            name="ip"
            defaultValue={q.ip ?? ""}
            maxLength={60}
            placeholder="203.0.113.7"
            aria-invalid={q.ipInvalid ? true : undefined}
            aria-describedby={q.ipInvalid ? "ip-search-error" : undefined}
          />
          {q.ipInvalid && (
            <span id="ip-search-error" className="field-error">
              IP 주소를 확인해 주세요. (예: 203.0.113.7)
            </span>
          )}
        </label>
        <button type="submit" className="btn">
          찾기
        </button>
      </form>
      <p className="muted">
        Total : {list.total.toLocaleString("ko-KR")}
        {list.more && "+"}
      </p>
      <BulkForm
        id={BULK_FORM}
        action={bulkCommentsAction}
        noun="댓글"
        ops={[
          { value: "hide", label: "숨기기" },
          { value: "show", label: "다시 보이기" },
        ]}
      />
      <ul className="comment-list">
        {list.rows.map((c) => (
          <li key={c.id} className={c.status === "HIDDEN" ? "is-hidden" : ""} data-comment-id={c.id}>
            <p className="comment-meta">
              <input type="checkbox" form={BULK_FORM} name="ids" value={c.id} aria-label={`고르기: ${c.nickname}의 댓글`} /> <strong>{c.nickname}</strong> ·{" "}
              {formatDateTime(c.createdAt)} · <Link href={articlePath(c.article.id)}>{c.article.title}</Link> ·{" "}
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
              {/* Folded: a row shows its two everyday buttons; blocking is the rarer, weightier step. */}
              <details className="block-details">
                <summary>작성자 차단…</summary>
                <ActionButton action={blockCommenterAction} fields={{ commentId: c.id }} label="작성자 차단" danger>
                  <select name="reasonCode" aria-label="차단 사유" defaultValue="spam">
                    {Object.entries(BLOCK_REASONS).map(([k, label]) => (
                      <option key={k} value={k}>
                        {label}
                      </option>
                    ))}
                  </select>
                  <input name="reason" aria-label="사유 덧붙임" placeholder="사유 덧붙임" maxLength={200} />
                  <select name="days" aria-label="차단 기간" defaultValue="7">
                    {BLOCK_DAYS.map((d) => (
                      <option key={d} value={d}>
                        {d === 365 ? "1년" : `${d}일`}
                      </option>
                    ))}
                  </select>
                  <label className="small">
                    <input type="checkbox" name="hideAll" /> 이 작성자의 댓글 모두 숨기기
                  </label>
                </ActionButton>
              </details>
            </div>
          </li>
        ))}
        {list.rows.length === 0 && <li className="muted">조건에 맞는 댓글이 없습니다.</li>}
      </ul>
      <nav className="keyset-pager" aria-label="페지">
        {(list.prev || list.next) && <Link href={commentListHref({ ...q, after: undefined, before: undefined })}>« 처음</Link>}
        {list.prev && <Link href={commentListHref(q, { before: list.prev })}>‹ 이전</Link>}
        {list.next && <Link href={commentListHref(q, { after: list.next })}>다음 ›</Link>}
      </nav>

      <h2 id="banned-words-head">금지어</h2>
      <BannedWordsForm action={saveBannedWordsAction} initial={banned} />

      <h2 id="block-address-head">주소 차단</h2>
      <BlockAddressForm action={blockAddressAction} reasons={BLOCK_REASONS} days={BLOCK_DAYS} />

      <h2 id="blocks-head">차단 중인 작성자</h2>
      <table className="admin-table block-list">
        <thead>
          <tr>
            <th scope="col">주소 (해시)</th>
            <th scope="col">사유</th>
            <th scope="col">차단한 사람</th>
            <th scope="col">언제까지 (중국시간)</th>
            <th scope="col">
              <span className="visually-hidden">풀기</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {blocks.map((b) => (
            <tr key={b.id}>
              <td className="small">{b.ipHash.slice(0, 8)}</td>
              <td>{b.reason ?? "사유 없음"}</td>
              <td>{b.createdBy?.name ?? "—"}</td>
              <td className="small">{formatDateTime(b.until)}</td>
              <td>
                <ActionButton action={unblockCommenterAction} fields={{ blockId: b.id }} label="차단 풀기" />
              </td>
            </tr>
          ))}
          {blocks.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                차단 중인 작성자가 없습니다.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </>
  );
}
