// The section list of the reference portal: `Total : N`, then title, excerpt and date.
import Link from "next/link";
import { formatListDate } from "@/lib/china-time";
import type { ArticlePage } from "@/lib/types";
import { Picture } from "./picture";
import { Pager } from "./pager";

export function ArticleList({ data, href, heading, headingLevel = 2 }: { data: ArticlePage; href: (p: number) => string; heading?: string; headingLevel?: 1 | 2 }) {
  const H = headingLevel === 1 ? "h1" : "h2";
  return (
    <section className="article-list" aria-label={heading ?? "기사 목록"}>
      <div className="list-head">
        {heading && <H className="list-title">{heading}</H>}
        <p className="list-total">Total : {data.total.toLocaleString("en-US").replace(/,/g, "")}</p>
      </div>
      <ul>
        {data.items.map((a) => (
          <li key={a.id} className="list-item">
            {a.cover && (
              <Link href={`/articles/${a.id}`} className="list-thumb" tabIndex={-1} aria-hidden="true">
                <Picture img={a.cover} sizes="120px" alt="" />
              </Link>
            )}
            <div className="list-text">
              <h3 className="list-item-title">
                <Link href={`/articles/${a.id}`}>{a.title}</Link>
              </h3>
              <p className="list-excerpt">{a.excerpt}</p>
              <time className="list-date" dateTime={a.publishedAt}>
                {formatListDate(a.publishedAt)}
              </time>
            </div>
          </li>
        ))}
      </ul>
      <Pager page={data.page} pages={data.pages} href={href} label={`${heading ?? "기사 목록"} 페지 이동`} />
    </section>
  );
}
