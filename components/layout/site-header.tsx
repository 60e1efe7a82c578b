import Link from "next/link";
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
        <Link href="/" className="logo" aria-label={`${site.name} 홈`}>
          <span className="logo-mark" aria-hidden="true">海</span>
          <span className="logo-text">{site.name}</span>
        </Link>
        <SearchForm id="site-search-q" className="search-form search-form-header" />
      </div>
      <nav className="section-nav" aria-label="분야별 뉴스">
        <ul>
          <li>
            <Link href="/">홈</Link>
          </li>
          {sections.map((s) => (
            <li key={s.id}>
              <Link href={sectionPath(s.slug)}>{s.name}</Link>
            </li>
          ))}
          <li>
            <Link href={archivePath()}>전체기사</Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
