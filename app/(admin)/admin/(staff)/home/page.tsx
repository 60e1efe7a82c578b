import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { isEditor } from "@/lib/auth/roles";
import { findPickable, listHomePicks } from "@/lib/data/home-picks";
import { HOME_SLOTS } from "@/lib/data/home";
import { formatDateTime } from "@/lib/china-time";
import { addHomePickAction, moveHomePickAction, removeHomePickAction } from "@/lib/actions/home";
import { ActionButton } from "@/components/admin/action-button";
import { Forbidden } from "@/components/admin/forbidden";
import { articlePath } from "@/lib/urls";

export const metadata: Metadata = { title: "첫 화면" };

type Props = { searchParams: Promise<{ q?: string }> };

export default async function HomePicksPage({ searchParams }: Props) {
  const actor = await requireActor("/admin/home");
  if (!isEditor(actor)) return <Forbidden what="첫 화면은 편집자와 관리자만 고를 수 있습니다." />;
  const q = typeof (await searchParams).q === "string" ? (await searchParams).q!.slice(0, 100) : "";
  const [picks, found] = await Promise.all([listHomePicks(), findPickable(q)]);
  const picked = new Set(picks.map((p) => p.id));
  return (
    <>
      <h1>첫 화면</h1>
      <p className="muted">
        첫 번째가 머리기사, 나머지가 주요기사입니다 ({HOME_SLOTS}개까지). 고르지 않은 자리는 최신 기사로 채웁니다. 게시를 내리거나 휴지통에 넣은 기사는 첫
        화면에서 바로 빠집니다.
      </p>
      <ol className="home-picks">
        {picks.map((p, i) => (
          <li key={p.id} data-pick-id={p.id}>
            <span className="pick-slot">{i === 0 ? "머리기사" : `주요 ${i}`}</span>{" "}
            <Link href={articlePath(p.id)}>{p.title}</Link> <span className="muted small">#{p.id}</span>
            {!p.live && <span className="status status-draft">게시 중 아님 · 첫 화면에 안 보임</span>}
            <div className="pick-actions">
              {i > 0 && <ActionButton action={moveHomePickAction} fields={{ articleId: p.id, direction: "up" }} label="위로" />}
              {i < picks.length - 1 && <ActionButton action={moveHomePickAction} fields={{ articleId: p.id, direction: "down" }} label="아래로" />}
              <ActionButton action={removeHomePickAction} fields={{ articleId: p.id }} label="빼기" />
            </div>
          </li>
        ))}
      </ol>
      {picks.length === 0 && <p className="notice">고른 기사가 없어 첫 화면은 최신 기사로 채워집니다.</p>}
      <h2>게시된 기사 찾기</h2>
      <form method="get" action="/admin/home" role="search" className="search-photos">
        <label htmlFor="pick-q">제목의 낱말 또는 기사 번호</label>
        <input id="pick-q" type="search" name="q" defaultValue={q} maxLength={100} />
        <button type="submit" className="btn">
          찾기
        </button>
      </form>
      {q && found.length === 0 && <p className="muted">찾는 게시 기사가 없습니다.</p>}
      <ul className="pick-results">
        {found.map((a) => (
          <li key={a.id}>
            <Link href={articlePath(a.id)}>{a.title}</Link> <span className="muted small">#{a.id} · {a.publishedAt && formatDateTime(a.publishedAt)}</span>
            {picked.has(a.id) ? (
              <span className="muted small"> 이미 고름</span>
            ) : (
              <ActionButton action={addHomePickAction} fields={{ articleId: a.id }} label="첫 화면에 올리기" />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
