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
import { parseArticleQuery } from "@/lib/validations/admin-query";
import { AdminPager } from "@/components/admin/admin-pager";
import { ActionButton } from "@/components/admin/action-button";
import { purgeArticleAction, restoreArticleAction } from "@/lib/actions/articles";
import { articlePath } from "@/lib/urls";

export const metadata: Metadata = { title: "기사" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ArticlesPage({ searchParams }: Props) {
  const actor = await requireActor("/admin/articles");
  const f = parseArticleQuery(await searchParams);
  const [list, sections, staff] = await Promise.all([listAdminArticles(f), allSections(), listStaff()]);
  const qs = (page: number) => {
    const p = new URLSearchParams();
    if (f.q) p.set("q", f.q);
    if (f.sectionId) p.set("section", String(f.sectionId));
    if (f.status) p.set("status", f.status);
    if (f.authorId) p.set("author", String(f.authorId));
    if (page > 1) p.set("page", String(page));
    const s = p.toString();
    return `/admin/articles${s ? `?${s}` : ""}`;
  };
  const trash = f.status === "TRASH";
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
          <span>제목</span>
          <input type="search" name="q" defaultValue={f.q ?? ""} placeholder="제목에 든 말" />
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
        <button type="submit" className="btn">
          찾기
        </button>
      </form>
      <p className="muted">Total : {list.total.toLocaleString("ko-KR")}</p>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">제목</th>
            <th scope="col">분야</th>
            <th scope="col">상태</th>
            <th scope="col">작성자</th>
            <th scope="col">고친 때 (중국시간)</th>
            {trash && <th scope="col">휴지통</th>}
          </tr>
        </thead>
        <tbody>
          {list.rows.map((a) => (
            <tr key={a.id}>
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
              <td>{a.section.name}</td>
              <td>
                <span className={`status status-${a.status.toLowerCase()}`}>{statusLabel(a.status)}</span>
                {a.status === "SCHEDULED" && a.publishedAt && <span className="small muted"> {formatDateTime(a.publishedAt)}</span>}
                {a.sendBackId && <span className="returned-mark">반려됨</span>}
              </td>
              <td>{a.author?.name ?? "—"}</td>
              <td>{formatDateTime(a.updatedAt)}</td>
              {trash && (
                <td className="row-actions">
                  {isEditor(actor) && (
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
              <td colSpan={trash ? 6 : 5} className="muted">
                조건에 맞는 기사가 없습니다.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <AdminPager page={f.page} pages={list.pages} href={qs} />
    </>
  );
}
