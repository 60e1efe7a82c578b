// The article itself, top to bottom as on the reference portal: title, subtitle, meta line,
// body with figures, byline and the 编辑 line.
import { formatMetaDate } from "@/lib/china-time";
import type { Article } from "@/lib/types";
import { FontSizeControl } from "./font-size-control";
import { Picture } from "./picture";
import { ViewCount } from "./view-count";
import { sectionPath } from "@/lib/urls";

export function ArticleView({ article: a }: { article: Article }) {
  return (
    <article className="article">
      <nav className="breadcrumb" aria-label="현재 위치">
        <a href="/">홈</a> › <a href={sectionPath(a.section.slug)}>{a.section.name}</a>
      </nav>
      <header className="article-header">
        <h1 className="article-title">{a.title}</h1>
        {a.subtitle && <p className="article-subtitle">{a.subtitle}</p>}
        <div className="article-meta">
          <p>
            <span className="source">{a.sourceName}</span> <time dateTime={a.publishedAt}>{formatMetaDate(a.publishedAt)}</time>
            {"    "}
            <ViewCount articleId={a.id} initial={a.viewCount} />
          </p>
          <FontSizeControl />
        </div>
      </header>
      {a.cover && (
        <figure className="article-cover">
          <Picture img={a.cover} sizes="(max-width: 760px) 100vw, 720px" eager alt={a.cover.alt || a.title} />
          {(a.coverCaption || a.coverCredit) && (
            <figcaption>
              {a.coverCaption}
              {a.coverCredit && <small className="photo-credit">{a.coverCredit}</small>}
            </figcaption>
          )}
        </figure>
      )}
      {/* Body HTML is sanitised with an allowlist before it is stored (lib/sanitize). */}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: a.body }} />
      <footer className="article-footer">
        {a.byline && <p className="byline">{a.byline}</p>}
        {a.editorName && <p className="editor">编辑:{a.editorName}</p>}
      </footer>
    </article>
  );
}
