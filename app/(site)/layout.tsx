import "./reader.css";
import { SiteHeader } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="site-main">
        {children}
      </main>
      <SiteFooter />
      <a href="#top" className="back-to-top" aria-label="맨 위로 가기">
        맨<br />위로
      </a>
    </>
  );
}
