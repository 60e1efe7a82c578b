// The article page's right-hand column on wide screens (below the article on a phone): the
// section's latest and most read, as title lists.
import type { ArticleListItem, SectionRef } from "@/lib/types";
import { articlePath, sectionPath } from "@/lib/urls";

function TitleList({ id, heading, items, ranked }: { id: string; heading: string; items: ArticleListItem[]; ranked?: boolean }) {
  if (items.length === 0) return null;
  const List = ranked ? "ol" : "ul";
  return (
    <section className="aside-box" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <List className={ranked ? "aside-ranked" : undefined}>
        {items.map((a) => (
          <li key={a.id}>
            <a href={articlePath(a.id)}>{a.title}</a>
          </li>
        ))}
      </List>
    </section>
  );
}

export function ArticleAside({ section, latest, mostRead, currentId }: { section: SectionRef; latest: ArticleListItem[]; mostRead: ArticleListItem[]; currentId: number }) {
  return (
    <aside className="article-aside" aria-label={`${section.name} 최신기사와 많이 본 기사`}>
      <TitleList id="aside-latest" heading={`${section.name} 최신기사`} items={latest.filter((a) => a.id !== currentId).slice(0, 6)} />
      <TitleList id="aside-most-read" heading={`${section.name} 많이 본 기사`} items={mostRead} ranked />
      <p className="aside-more">
        <a href={sectionPath(section.slug)}>{section.name} 기사 더 보기 ›</a>
      </p>
    </aside>
  );
}
