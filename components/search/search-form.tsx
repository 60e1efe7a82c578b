// The search box: a plain GET form to /search, so it works before (and without) JavaScript.
// In the header it is static (no query), which keeps every cached page cacheable.
import type { SectionRef } from "@/lib/types";
import { MAX_QUERY_LENGTH } from "@/lib/search/query";
import { SEARCH_PATH } from "@/lib/urls";

type Props = {
  id: string;
  query?: string;
  /** With sections, a select narrows the search to one of them. */
  sections?: SectionRef[];
  section?: string;
  className?: string;
};

export function SearchForm({ id, query = "", sections, section = "", className = "search-form" }: Props) {
  return (
    <form role="search" action={SEARCH_PATH} method="get" className={className}>
      <label htmlFor={id} className="visually-hidden">
        기사 검색
      </label>
      <input id={id} type="search" name="q" defaultValue={query} maxLength={MAX_QUERY_LENGTH} placeholder="검색어 입력" autoComplete="off" enterKeyHint="search" />
      {sections && (
        <>
          <label htmlFor={`${id}-section`} className="visually-hidden">
            분야
          </label>
          <select id={`${id}-section`} name="section" defaultValue={section}>
            <option value="">전체 분야</option>
            {sections.map((s) => (
              <option key={s.id} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </>
      )}
      <button type="submit">검색</button>
    </form>
  );
}
