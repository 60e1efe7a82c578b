// Korean 404 for a notFound() outside the reader's pages (the newsroom). Kept small on purpose:
// Next serialises the root not-found tree into every page's RSC payload. Reader pages have their
// own, inside the site's frame (app/(site)/not-found.tsx); URLs nothing matched get the same page
// as plain HTML (next.config.mjs's fallback rewrite, lib/seo/status-page.ts).
import Link from "next/link";
import { site } from "@/lib/site/config";
import { STATUS_TEXT } from "@/lib/site/status-text";
import { archivePath, SEARCH_PATH } from "@/lib/urls";

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>{STATUS_TEXT.missing.title}</h1>
      <p>주소가 바뀌었거나 없는 페지입니다. 주소를 다시 확인해 주십시오.</p>
      <p>
        <Link href="/">{site.name} 홈으로 가기</Link> · <Link href={archivePath()}>전체기사 보기</Link> · <Link href={SEARCH_PATH}>기사 검색</Link>
      </p>
    </div>
  );
}
