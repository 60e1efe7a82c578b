// Share actions that work for readers in China: the address to copy, and its QR code for
// WeChat (위챗), drawn by the portal itself. No third-party script, button or tracker.
import { absoluteUrl, articlePath, articleQrPath } from "@/lib/urls";
import { CopyLinkButton } from "./copy-link-button";

export function ArticleShare({ id }: { id: number }) {
  const url = absoluteUrl(articlePath(id));
  const field = `share-url-${id}`;
  return (
    <section className="article-share" aria-label="기사 공유">
      <label htmlFor={field} className="share-label">
        기사 주소
      </label>
      <input id={field} className="share-url" type="url" value={url} readOnly />
      <CopyLinkButton url={url} fieldId={field} />
      <details className="share-qr">
        <summary>위챗(微信) QR코드</summary>
        <img src={articleQrPath(id)} width={160} height={160} alt="이 기사 주소의 QR코드: 위챗으로 스캔하여 공유하십시오" loading="lazy" decoding="async" />
      </details>
      <p className="print-only">기사 주소: {url}</p>
    </section>
  );
}
