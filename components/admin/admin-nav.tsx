// The admin's top bar: what the signed-in role may reach, who is signed in, and sign-out.
import Link from "next/link";
import { signOutAction } from "@/lib/actions/sign-in";
import { isAdmin, isEditor, ROLE_LABEL, type Actor } from "@/lib/auth/roles";
import { site } from "@/lib/site/config";

export function AdminNav({ actor }: { actor: Actor }) {
  const links: [string, string][] = [
    ["/admin", "대시보드"],
    ["/admin/articles", "기사"],
    ["/admin/articles/new", "새 기사"],
    ["/admin/images", "사진"],
  ];
  if (isEditor(actor)) links.push(["/admin/comments", "댓글"], ["/admin/home", "첫 화면"]);
  if (isAdmin(actor)) links.push(["/admin/sections", "분야"], ["/admin/users", "계정"]);
  return (
    <header className="admin-bar">
      <Link href="/admin" className="admin-logo">
        {site.name} <span>편집실</span>
      </Link>
      <nav aria-label="편집실 메뉴">
        <ul>
          {links.map(([href, label]) => (
            <li key={href}>
              <Link href={href}>{label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-user">
        <Link href="/admin/account" title={actor.email}>
          {actor.name} ({ROLE_LABEL[actor.role]})
        </Link>
        <Link href="/" className="muted">
          사이트 보기
        </Link>
        <form action={signOutAction}>
          <button type="submit" className="btn btn-quiet">
            로그아웃
          </button>
        </form>
      </div>
    </header>
  );
}
