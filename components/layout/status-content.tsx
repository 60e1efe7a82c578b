// The body of the reader's 404 and 410 pages inside the site's frame: what happened, the search
// box and links to the newest articles. lib/seo/status-page.ts writes the same page as plain
// HTML for answers sent outside the page tree.
import Link from "next/link";
import { SearchForm } from "@/components/search/search-form";
import { formatListDate } from "@/lib/china-time";
import { getStatusPageData } from "@/lib/data/status-page";
import { LATEST_HEADING, STATUS_TEXT, type StatusKind } from "@/lib/site/status-text";
import { archivePath, articlePath } from "@/lib/urls";

export async function StatusContent({ kind }: { kind: StatusKind }) {
  const { latest } = await getStatusPageData();
  const text = STATUS_TEXT[kind];
  return (
    <div className="status-page">
      <h1>{text.title}</h1>
      <p className="status-message">{text.message}</p>
      <SearchForm id="status-search-q" className="search-form status-search" />
      {latest.length > 0 && (
        <section className="status-latest" aria-labelledby="status-latest-h">
          <h2 id="status-latest-h">{LATEST_HEADING}</h2>
          <ul>
            {latest.map((a) => (
              <li key={a.id}>
                <a href={articlePath(a.id)}>{a.title}</a> <time dateTime={a.publishedAt}>{formatListDate(a.publishedAt)}</time>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="status-links">
        <Link href="/">홈으로 가기</Link> · <Link href={archivePath()}>전체기사 보기</Link>
      </p>
    </div>
  );
}
