// The body of the reader's 404 and 410 pages inside the site's frame: what happened and links
// to the newest articles (the header above has the search box). Kept small: Next serialises
// this into every reader page (see lib/data/status-page.ts). lib/seo/status-page.ts writes the
// same page as plain HTML for answers sent outside the page tree.
import { getStatusPageData } from "@/lib/data/status-page";
import { LATEST_HEADING, STATUS_TEXT, type StatusKind } from "@/lib/site/status-text";
import { archivePath, articlePath } from "@/lib/urls";

export async function StatusContent({ kind }: { kind: StatusKind }) {
  const { latest } = await getStatusPageData();
  const text = STATUS_TEXT[kind];
  return (
    <div className="status-page">
      <h1>{text.title}</h1>
      <p className="status-message">{text.message}</p>
      {latest.length > 0 && (
        <section className="status-latest" aria-labelledby="status-latest-h">
          <h2 id="status-latest-h">{LATEST_HEADING}</h2>
          <ul>
            {latest.map((a) => (
              <li key={a.id}>
                <a href={articlePath(a.id)}>{a.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="status-links">
        <a href="/">홈으로 가기</a> · <a href={archivePath()}>전체기사 보기</a>
      </p>
    </div>
  );
}
