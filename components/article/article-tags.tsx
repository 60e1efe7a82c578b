// The article's tags under its text, each a link to the tag's list.
import type { TagRef } from "@/lib/data/tags";
import { tagPath } from "@/lib/urls";

export function ArticleTags({ tags }: { tags: TagRef[] }) {
  if (tags.length === 0) return null;
  return (
    <nav className="article-tags" aria-label="태그">
      <ul>
        {tags.map((t) => (
          <li key={t.id}>
            <a href={tagPath(t.slug)}>#{t.name}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
