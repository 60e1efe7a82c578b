import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { isEditor } from "@/lib/auth/roles";
import { listAdminArticles } from "@/lib/data/admin-articles";
import { listStaff } from "@/lib/data/accounts";
import { allSections } from "@/lib/data/sections";
import { isPublished } from "@/lib/data/published";
import { formatDateTime } from "@/lib/china-time";
import { STATUS_FILTERS, STATUS_LABEL, statusLabel } from "@/lib/article-status";
import { ADMIN_QUERY_MAX, articleListHref, parseArticleQuery, type ArticleSort } from "@/lib/validations/admin-query";
import { DESK_COUNT_CAP, DESK_MATCH_CAP, VIEWS_WINDOW } from "@/lib/search/desk-sql";
import { ActionButton } from "@/components/admin/action-button";
import { BulkForm } from "@/components/admin/bulk-form";
import { purgeArticleAction, restoreArticleAction } from "@/lib/actions/articles";
import { bulkArticlesAction } from "@/lib/actions/bulk-articles";
import { articlePath } from "@/lib/urls";

export const metadata: Metadata = { title: "기사" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORT_LABEL: Record<ArticleSort, string> = { updated: "고친 때", published: "게시 때", views: "조회", comments: "댓글" };
// Times in the table are China time (formatDateTime), as everywhere in the newsroom.
const BULK_FORM = "bulk-articles";

export default async function ArticlesPage({ searchParams }: Props) {
  const actor = await requireActor("/admin/articles");
  const f = parseArticleQuery(await searchParams);
  const [list, sections, staff] = await Promise.all([listAdminArticles(f), allSections(), listStaff()]);
  const trash = f.status === "TRASH";
  const editor = isEditor(actor);
  // A column heading sorts by it: newest/most first, a second click turns the order round.
  const sortHref = (s: ArticleSort) => articleListHref({ ...f, sort: s, dir: f.sort === s && f.dir === "desc" ? "asc" : "desc" });
  const sortHead = (s: ArticleSort, extra = "") => (
    <th scope="col" className={extra} aria-sort={f.sort === s ? (f.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={sortHref(s)}>
        {SORT_LABEL[s]}
        {f.sort === s ? (f.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    </th>
  );
  const ops = trash ? [] : editor ? [{ value: "publish", label: "게시" }, { value: "unpublish", label: "게시 취소" }, { value: "trash", label: "휴지통으로", danger: true }] : [{ value: "trash", label: "휴지통으로", danger: true }];
  const cols = 9 + (trash ? 1 : 0);
  return (
    <>
      <div className="page-head">
        <h1>{trash ? "휴지통" : "기사"}</h1>
        <Link className="btn btn-primary" href="/admin/articles/new">
          새 기사
        </Link>
      </div>
      <form className="filters" method="get" role="search" aria-label="기사 찾기">
        <label>
          <span>찾을 말</span>
          <input type="search" name="q" defaultValue={f.q ?? ""} maxLength={ADMIN_QUERY_MAX} placeholder="제목과 본문에 든 말" />
        </label>
        <label>
          <span>분야</span>
          <select name="section" defaultValue={f.sectionId ?? ""}>
            <option value="">전체</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>상태</span>
          <select name="status" defaultValue={f.status ?? ""}>
            <option value="">전체 (휴지통 제외)</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>작성자</span>
          <select name="author" defaultValue={f.authorId ?? ""}>
            <option value="">전체</option>
            {staff.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>정렬</span>
          <select name="sort" defaultValue={f.sort}>
            {(Object.keys(SORT_LABEL) as ArticleSort[]).map((s) => (
              <option key={s} value={s}>
                {SORT_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>순서</span>
          <select name="dir" defaultValue={f.dir}>
            <option value="desc">최근·많은 것부터</option>
            <option value="asc">오랜·적은 것부터</option>
          </select>
        </label>
        <button type="submit" className="btn">
          찾기
        </button>
      </form>
      <p className="muted">
        Total : {list.total.toLocaleString("ko-KR")}
        {list.more && "+"}
        {list.capped && f.q && ` · 맞는 기사가 너무 많아 최근 ${DESK_MATCH_CAP.toLocaleString("ko-KR")}건 안에서만 보여줍니다. 낱말을 더 넣어 보세요.`}
        {list.capped && !f.q && f.sort === "views" && ` · 조회 순은 최근 ${VIEWS_WINDOW.toLocaleString("ko-KR")}건 안에서 매깁니다.`}
        {list.more && !list.capped && ` (${DESK_COUNT_CAP.toLocaleString("ko-KR")}건 넘게)`}
      </p>
      {ops.length > 0 && <BulkForm id={BULK_FORM} action={bulkArticlesAction} ops={ops} noun="기사" />}
      <table className="admin-table">
        <caption className="visually-hidden">기사 목록 (시간은 중국시간)</caption>
        <thead>
          <tr>
            <th scope="col" className="pick">
              <span className="visually-hidden">고르기</span>
            </th>
            <th scope="col">제목</th>
            <th scope="col">분야</th>
            <th scope="col">상태</th>
            <th scope="col">작성자</th>
            {sortHead("published")}
            {sortHead("updated")}
            {sortHead("views", "num")}
            {sortHead("comments", "num")}
            {trash && <th scope="col">휴지통</th>}
          </tr>
        </thead>
        <tbody>
          {list.rows.map((a) => (
            <tr key={a.id}>
              <td className="pick">
                {ops.length > 0 && <input type="checkbox" form={BULK_FORM} name="ids" value={a.id} aria-label={`고르기: ${a.title || "(제목 없음)"}`} />}
              </td>
              <td>
                <Link href={`/admin/articles/${a.id}/edit`}>{a.title || "(제목 없음)"}</Link>
                {isPublished(a) && (
                  <>
                    {" "}
                    <Link className="muted small" href={articlePath(a.id)}>
                      보기
                    </Link>
                  </>
                )}
              </td>
              <td>{a.sectionName}</td>
              <td>
                <span className={`status status-${a.status.toLowerCase()}`}>{statusLabel(a.status)}</span>
                {a.sendBackId && <span className="returned-mark">반려됨</span>}
              </td>
              <td>{a.authorName ?? "—"}</td>
              <td className="small">{a.publishedAt ? `${formatDateTime(a.publishedAt)}${a.status === "SCHEDULED" ? " (예약)" : ""}` : "—"}</td>
              <td className="small">{formatDateTime(a.updatedAt)}</td>
              <td className="num">{a.viewCount.toLocaleString("ko-KR")}</td>
              <td className="num">{a.commentCount.toLocaleString("ko-KR")}</td>
              {trash && (
                <td className="row-actions">
                  {editor && (
                    <>
                      <ActionButton action={restoreArticleAction} fields={{ id: a.id }} label="되살리기" />
                      <ActionButton action={purgeArticleAction} fields={{ id: a.id }} label="영구 삭제" danger confirm="영구 삭제하면 되돌릴 수 없습니다. 지울까요?" />
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
          {list.rows.length === 0 && (
            <tr>
              <td colSpan={cols} className="muted">
                조건에 맞는 기사가 없습니다.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <nav className="keyset-pager" aria-label="페지">
        {(list.prev || list.next) && <Link href={articleListHref(f)}>« 처음</Link>}
        {list.prev && <Link href={articleListHref(f, { before: list.prev })}>‹ 이전</Link>}
        {list.next && <Link href={articleListHref(f, { after: list.next })}>다음 ›</Link>}
      </nav>
    </>
  );
}
