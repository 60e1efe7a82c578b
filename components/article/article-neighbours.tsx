// 이전기사 / 다음기사: the section's article published just before and just after this one.
import type { Neighbours } from "@/lib/data/article-context";
import { articlePath } from "@/lib/urls";

export function ArticleNeighbours({ prev, next }: Neighbours) {
  if (!prev && !next) return null;
  return (
    <nav className="article-neighbours" aria-label="이전기사와 다음기사">
      <ul>
        {prev && (
          <li className="neighbour-prev">
            <span className="neighbour-label">이전기사</span>
            <a href={articlePath(prev.id)} rel="prev">
              {prev.title}
            </a>
          </li>
        )}
        {next && (
          <li className="neighbour-next">
            <span className="neighbour-label">다음기사</span>
            <a href={articlePath(next.id)} rel="next">
              {next.title}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
