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
      <div className="back-to-top-track">
        <a href="#top" className="back-to-top">
          맨<br />위로
        </a>
      </div>
    </>
  );
}
