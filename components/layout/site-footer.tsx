import { getSections } from "@/lib/data/sections";
import { chinaYear } from "@/lib/china-time";
import { site } from "@/lib/site/config";
import { FOOTER_SLUGS } from "@/lib/site/footer";
import { archivePath, sectionPath } from "@/lib/urls";

export async function SiteFooter() {
  const sections = (await getSections()).filter((s) => FOOTER_SLUGS.includes(s.slug));
  const year = chinaYear(Date.now());
  return (
    <footer className="site-footer">
      <nav aria-label="하단 메뉴" className="footer-nav">
        <a href="/">{site.name}홈</a>
        {sections.map((s) => (
          <a key={s.id} href={sectionPath(s.slug)}>
            {s.name}
          </a>
        ))}
        <a href={archivePath()}>전체기사</a>
        <a href={`mailto:${site.email}`}>광고문의</a>
      </nav>
      <address className="operator">
        <strong>{site.operator}</strong>
        <span>주소: {site.address}</span>
        <span>
          E-mail: <a href={`mailto:${site.email}`}>{site.email}</a>
        </span>
        <span>{site.license}</span>
        <span>
          Copyright © {site.since}-{year} {site.name} All Rights Reserved.
        </span>
      </address>
    </footer>
  );
}
