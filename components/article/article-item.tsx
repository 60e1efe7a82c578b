// One article in a list, the same in section lists, the archive, under an article and in
// search results: thumbnail, title, excerpt and date. Search passes its marked title and
// snippet and shows the section, since its results cross sections.
import type { ReactNode } from "react";
import { formatListDate } from "@/lib/china-time";
import type { ArticleListItem } from "@/lib/types";
import { articlePath } from "@/lib/urls";
import { Thumbnail } from "./picture";

/**
 * headingLevel: one below the list's own heading (h2 items under an h1 list title), so no level
 * is skipped. first: the list's first item on a page whose list is its main content, whose
 * thumbnail is then the page's first image and loads at once; the others load lazily.
 */
type Props = { article: ArticleListItem; title?: ReactNode; excerpt?: ReactNode; showSection?: boolean; headingLevel?: 2 | 3; first?: boolean };

export function ArticleItem({ article: a, title = a.title, excerpt = a.excerpt, showSection = false, headingLevel = 3, first = false }: Props) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const date = (
    <time className="list-date" dateTime={a.publishedAt}>
      {formatListDate(a.publishedAt)}
    </time>
  );
  return (
    <li className="list-item">
      {a.cover && (
        <a href={articlePath(a.id)} className="list-thumb" tabIndex={-1} aria-hidden="true">
          <Thumbnail img={a.cover} eager={first} />
        </a>
      )}
      <div className="list-text">
        <H className="list-item-title">
          <a href={articlePath(a.id)}>{title}</a>
        </H>
        <p className="list-excerpt">{excerpt}</p>
        {showSection ? (
          <p className="list-meta">
            <span className="list-section">{a.section.name}</span>
            {date}
          </p>
        ) : (
          date
        )}
      </div>
    </li>
  );
}
