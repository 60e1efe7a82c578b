// Search results in the section lists' frame and list item (`Total : N`, title, excerpt,
// section and date, pager), with the searched words marked in titles and excerpts.
import type { SearchPage } from "@/lib/data/search";
import type { SearchWord } from "@/lib/search/query";
import { ArticleItem } from "@/components/article/article-item";
import { ListFrame } from "@/components/article/article-list";
import { Pager } from "@/components/article/pager";
import { Highlighted } from "./highlighted";

type Props = { data: SearchPage; words: SearchWord[]; href: (page: number) => string };

export function SearchResults({ data, words, href }: Props) {
  const items = data.items.map((a, i) => (
    <ArticleItem key={a.id} article={a} first={i === 0} title={<Highlighted text={a.title} words={words} />} excerpt={<Highlighted text={a.snippet} words={words} />} showSection />
  ));
  return (
    <ListFrame className="article-list search-results" label="검색 결과" heading="검색 결과" total={`${data.total}${data.capped ? "+" : ""}`} items={items}>
      {data.capped && data.page === data.pages && <p className="search-capped">검색 결과는 {data.total}건까지 보여 드립니다. 검색어를 더 넣어 범위를 좁혀 보세요.</p>}
      <Pager page={data.page} pages={data.pages} href={href} />
    </ListFrame>
  );
}
