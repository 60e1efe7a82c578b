import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { isEditor, ROLE_LABEL } from "@/lib/auth/roles";
import { dashboardCounts } from "@/lib/data/admin-articles";
import { STATUS_LABEL } from "@/lib/article-status";

export default async function AdminHome() {
  const actor = await requireActor("/admin");
  const c = await dashboardCounts(actor.id);
  const cards: [string, number, string][] = [
    ["내 초안", c.myDrafts, `/admin/articles?status=DRAFT&author=${actor.id}`],
    [STATUS_LABEL.PENDING, c.pending, "/admin/articles?status=PENDING"],
    ["예약된 기사", c.scheduled, "/admin/articles?status=SCHEDULED"],
  ];
  if (isEditor(actor)) cards.push(["최근 24시간 댓글", c.comments, "/admin/comments"]);
  return (
    <>
      <h1>
        {actor.name}님, 안녕하세요 <span className="badge">{ROLE_LABEL[actor.role]}</span>
      </h1>
      <ul className="dash-cards">
        {cards.map(([label, n, href]) => (
          <li key={label}>
            <Link href={href}>
              <strong>{n.toLocaleString("ko-KR")}</strong>
              <span>{label}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link className="btn btn-primary" href="/admin/articles/new">
          새 기사 쓰기
        </Link>
      </p>
      {!isEditor(actor) && <p className="muted">기자는 기사를 쓰고 검토를 요청할 수 있습니다. 게시는 편집자가 합니다.</p>}
    </>
  );
}
