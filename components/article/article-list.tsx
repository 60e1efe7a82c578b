// The section list of the reference portal: `Total : N`, then title, excerpt and date.
// Search results use the same frame (ListFrame) and list item (ArticleItem).
import type { ReactNode } from "react";
import type { ArticlePage } from "@/lib/types";
import { ArticleItem } from "./article-item";
import { Pager } from "./pager";

type FrameProps = { className?: string; label: string; heading?: string; headingLevel?: 1 | 2; total: ReactNode; items: ReactNode; children?: ReactNode };

/** The list's box: heading and `Total : N`, the items, then whatever follows them (the pager). */
export function ListFrame({ className = "article-list", label, heading, headingLevel = 2, total, items, children }: FrameProps) {
  const H = headingLevel === 1 ? "h1" : "h2";
  return (
    <section className={className} aria-label={label}>
      <div className="list-head">
        {heading && <H className="list-title">{heading}</H>}
        <p className="list-total">Total : {total}</p>
      </div>
      <ul>{items}</ul>
      {children}
    </section>
  );
}

export function ArticleList({ data, href, heading, headingLevel }: { data: ArticlePage; href: (p: number) => string; heading?: string; headingLevel?: 1 | 2 }) {
  const label = heading ?? "기사 목록";
  return (
    <ListFrame label={label} heading={heading} headingLevel={headingLevel} total={data.total.toLocaleString("en-US").replace(/,/g, "")} items={data.items.map((a, i) => <ArticleItem key={a.id} article={a} headingLevel={headingLevel === 1 ? 2 : 3} first={headingLevel === 1 && i === 0} />)}>
      <Pager page={data.page} pages={data.pages} href={href} label={`${label} 페지 이동`} />
    </ListFrame>
  );
}
