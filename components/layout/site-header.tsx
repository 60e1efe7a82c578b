import { getSections } from "@/lib/data/sections";
import { site } from "@/lib/site/config";
import { SearchForm } from "@/components/search/search-form";
import { archivePath, sectionPath } from "@/lib/urls";

export async function SiteHeader() {
  const sections = await getSections();
  return (
    <header className="site-header" id="top">
      <a className="skip-link" href="#main">
        본문으로 건너뛰기
      </a>
      <div className="header-inner">
        {/* The mark (海) is drawn by CSS: the link's name is the text beside it. */}
        <a href="/" className="logo">
          <span className="logo-mark" aria-hidden="true" />
          <span className="logo-text">{site.name}</span>
        </a>
        <SearchForm id="site-search-q" className="search-form search-form-header" />
      </div>
      <nav className="section-nav" aria-label="분야별 뉴스">
        <ul>
          <li>
            <a href="/">홈</a>
          </li>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={sectionPath(s.slug)}>{s.name}</a>
            </li>
          ))}
          <li>
            <a href={archivePath()}>전체기사</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
