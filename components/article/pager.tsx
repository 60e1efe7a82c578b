// `‹처음 이전 435 436 437 다음 맨뒤›` as on the reference portal, with real links.
import { pageWindow } from "@/lib/pagination";

export function Pager({ page, pages, href, label = "페지 이동" }: { page: number; pages: number; href: (p: number) => string; label?: string }) {
  if (pages <= 1) return null;
  const nums = pageWindow(page, pages);
  return (
    <nav className="pager" aria-label={label}>
      <PagerLink to={1} disabled={page === 1} href={href} label="‹처음" title="첫 페지" />
      <PagerLink to={page - 1} disabled={page === 1} href={href} label="이전" title="이전 페지" />
      {nums.map((n) =>
        n === page ? (
          <span key={n} className="pager-num current" aria-current="page">
            {n}
          </span>
        ) : (
          <a key={n} className="pager-num" href={href(n)}>
            {n}
          </a>
        ),
      )}
      <PagerLink to={page + 1} disabled={page === pages} href={href} label="다음" title="다음 페지" />
      <PagerLink to={pages} disabled={page === pages} href={href} label="맨뒤›" title={`마지막 페지 (${pages})`} />
    </nav>
  );
}

function PagerLink({ to, disabled, href, label, title }: { to: number; disabled: boolean; href: (p: number) => string; label: string; title: string }) {
  if (disabled) return <span className="pager-edge disabled" aria-disabled="true">{label}</span>;
  return (
    <a className="pager-edge" href={href(to)} title={title}>
      {label}
    </a>
  );
}
