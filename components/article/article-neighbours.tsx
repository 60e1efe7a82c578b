// 이전기사 / 다음기사: the section's article published just before and just after this one.
import type { Neighbour, Neighbours } from "@/lib/data/article-context";
import { articlePath } from "@/lib/urls";

const LINKS = [
  ["prev", "이전기사"],
  ["next", "다음기사"],
] as const;

export function ArticleNeighbours(n: Neighbours) {
  const shown = LINKS.flatMap(([rel, label]) => (n[rel] ? [{ rel, label, article: n[rel] as Neighbour }] : []));
  if (shown.length === 0) return null;
  return (
    <nav className="article-neighbours" aria-label="이전기사와 다음기사">
      <ul>
        {shown.map(({ rel, label, article }) => (
          <li key={rel} className={`neighbour-${rel}`}>
            <span className="neighbour-label">{label}</span>
            <a href={articlePath(article.id)} rel={rel}>
              {article.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
