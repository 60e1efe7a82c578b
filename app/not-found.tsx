import Link from "next/link";
import { SiteHeader } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="site-main not-found">
        <h1>페지를 찾을 수 없습니다</h1>
        <p>주소가 바뀌었거나 삭제된 기사일 수 있습니다. 주소를 다시 확인해 주십시오.</p>
        <p>
          <Link href="/">홈으로 가기</Link> · <Link href="/archive">전체기사 보기</Link>
        </p>
      </main>
      <SiteFooter />
    </>
  );
}
