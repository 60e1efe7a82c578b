// /search?q=...&page=N[&section=slug]: rendered per request (it reads searchParams), which
// is what a search is; the statement behind it is cheap (lib/search/sql.ts).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getSections, getSectionBySlug } from "@/lib/data/sections";
import { searchArticles } from "@/lib/data/search";
import { parsePage } from "@/lib/pagination";
import { firstParam, MAX_QUERY_LENGTH, MAX_WORDS, parseQuery } from "@/lib/search/query";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";
import { absoluteUrl, searchPath } from "@/lib/urls";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One search per request, shared by the metadata and the page (React's cache, by value). */
const runSearch = cache(async (text: string, page: number, sectionId: number | null) => searchArticles(parseQuery(text), page, sectionId));

/**
 * The first page of a search that found articles may be indexed, under the canonical form of
 * its address (the normalised words, the section): it is a real list of articles on a subject,
 * and readers arrive at it from search engines. Every other page of a search (later pages, no
 * match, no words, an unknown section) stays out of the index, so the endless combinations of
 * words and pages cannot fill it with thin or empty pages.
 */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const sp = await searchParams;
  const q = parseQuery(sp.q);
  const title = q.text ? `‘${q.text}’ 검색 결과` : "기사 검색";
  const page = parsePage(sp.page);
  const slug = firstParam(sp.section);
  const section = slug ? await getSectionBySlug(slug) : null;
  const valid = page !== null && !(slug && !section) && q.words.length > 0;
  const data = valid ? await runSearch(q.text, page, section?.id ?? null) : null;
  const path = searchPath({ q: q.text, section: section?.slug ?? "", page: page ?? 1 });
  const indexable = page === 1 && !!data && data.total > 0;
  return {
    title,
    description: data && data.total > 0 ? `‘${q.text}’ 기사 ${data.total}${data.capped ? "건 이상" : "건"}을 찾았습니다.` : undefined,
    robots: { index: indexable, follow: true },
    ...(indexable ? { alternates: { canonical: absoluteUrl(path) } } : {}),
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const sp = await searchParams;
  const page = parsePage(sp.page);
  if (page === null) notFound();
  const slug = firstParam(sp.section);
  const section = slug ? await getSectionBySlug(slug) : null;
  if (slug && !section) notFound();
  const q = parseQuery(sp.q);
  const sections = await getSections();

  const form = <SearchForm id="search-page-q" className="search-form search-form-page" query={q.text} sections={sections} section={slug} />;
  if (q.words.length === 0) {
    if (page > 1) notFound();
    return (
      <div className="search-page">
        <h1 className="search-title">기사 검색</h1>
        {form}
        <Guidance />
      </div>
    );
  }

  const data = await runSearch(q.text, page, section?.id ?? null);
  if (!data) notFound();
  return (
    <div className="search-page">
      <h1 className="search-title">
        ‘{q.text}’ 검색 결과{section ? ` (${section.name})` : ""}
      </h1>
      {form}
      {q.cut && (
        <p className="search-note" role="note">
          검색어가 길어 앞의 {MAX_QUERY_LENGTH}자, {MAX_WORDS}개 단어까지만 찾았습니다.
        </p>
      )}
      {data.total === 0 ? (
        <div className="search-empty">
          <p>
            ‘{q.text}’{section ? ` (${section.name} 분야)` : ""}에 맞는 기사가 없습니다.
          </p>
          <Guidance />
        </div>
      ) : (
        <SearchResults data={data} words={q.words} href={(p) => searchPath({ q: q.text, section: slug, page: p })} />
      )}
    </div>
  );
}

function Guidance() {
  return (
    <ul className="search-guidance">
      <li>찾을 단어를 넣고 검색을 누르세요. 두 글자 단어(경제, 학교)나 단어의 한 부분으로도 찾습니다.</li>
      <li>여러 단어를 띄여 쓰면 그 단어가 모두 들어 있는 기사만 찾습니다. (예: 연길 학교)</li>
      <li>조선말 맞춤법과 한국 맞춤법을 가리지 않습니다. ‘로인’으로 찾아도 ‘노인’이라 쓴 기사가, ‘리용’으로 찾아도 ‘이용’이라 쓴 기사가 함께 나옵니다.</li>
      <li>제목에 검색어가 있는 기사가 먼저, 그다음은 최근 기사부터 나옵니다.</li>
    </ul>
  );
}
