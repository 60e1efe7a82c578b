// Previous / next and a window of page numbers for admin lists (query-string links).
import Link from "next/link";
import { pageWindow } from "@/lib/pagination";

export function AdminPager({ page, pages, href }: { page: number; pages: number; href: (p: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav className="admin-pager" aria-label="페지">
      {page > 1 && <Link href={href(page - 1)}>‹ 이전</Link>}
      {pageWindow(page, pages, 7).map((p) =>
        p === page ? (
          <strong key={p} aria-current="page">
            {p}
          </strong>
        ) : (
          <Link key={p} href={href(p)}>
            {p}
          </Link>
        ),
      )}
      {page < pages && <Link href={href(page + 1)}>다음 ›</Link>}
      <span className="muted">
        {page} / {pages}페지
      </span>
    </nav>
  );
}
