// Korean 404. Kept free of the section menu and footer on purpose: Next serialises the root
// not-found tree into every page's RSC payload, and the full header and footer there made
// each cached page ~9 KB heavier (measured by npm run bench: article HTML 69.5 → 60.6 KB).
import Link from "next/link";
import { site } from "@/lib/site/config";
import { archivePath, SEARCH_PATH } from "@/lib/urls";

export default function NotFound() {
  return (
    // Reader pages' notFound() renders this inside the (site) layout, which already gives the
    // header, <main> and footer; unmatched URLs get it bare, with links back.
    <div className="not-found">
      <h1>페지를 찾을 수 없습니다</h1>
      <p>주소가 바뀌었거나 삭제된 기사일 수 있습니다. 주소를 다시 확인해 주십시오.</p>
      <p>
        <Link href="/">{site.name} 홈으로 가기</Link> · <Link href={archivePath()}>전체기사 보기</Link> · <Link href={SEARCH_PATH}>기사 검색</Link>
      </p>
    </div>
  );
}
