// Search results in the section lists' markup (`Total : N`, title, excerpt, date, pager),
// with the searched words marked in titles and excerpts.
import Link from "next/link";
import { formatListDate } from "@/lib/china-time";
import type { SearchPage } from "@/lib/data/search";
import type { SearchWord } from "@/lib/search/query";
import { Picture } from "@/components/article/picture";
import { Pager } from "@/components/article/pager";
import { Highlighted } from "./highlighted";

type Props = { data: SearchPage; words: SearchWord[]; href: (page: number) => string };

export function SearchResults({ data, words, href }: Props) {
  return (
    <section className="article-list search-results" aria-label="검색 결과">
      <div className="list-head">
        <h2 className="list-title">검색 결과</h2>
        <p className="list-total">
          Total : {data.total}
          {data.capped ? "+" : ""}
        </p>
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
                <Link href={`/articles/${a.id}`}>
                  <Highlighted text={a.title} words={words} />
                </Link>
              </h3>
              <p className="list-excerpt">
                <Highlighted text={a.snippet} words={words} />
              </p>
              <p className="list-meta">
                <span className="list-section">{a.section.name}</span>
                <time className="list-date" dateTime={a.publishedAt}>
                  {formatListDate(a.publishedAt)}
                </time>
              </p>
            </div>
          </li>
        ))}
      </ul>
      {data.capped && data.page === data.pages && <p className="search-capped">검색 결과는 {data.total}건까지 보여 드립니다. 검색어를 더 넣어 범위를 좁혀 보세요.</p>}
      <Pager page={data.page} pages={data.pages} href={href} />
    </section>
  );
}
