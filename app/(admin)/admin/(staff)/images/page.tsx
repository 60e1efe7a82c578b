import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { listImages } from "@/lib/data/images";
import { parsePage } from "@/lib/pagination";
import { formatDateTime } from "@/lib/china-time";
import { AdminPager } from "@/components/admin/admin-pager";
import type { ImageVariant } from "@/lib/types";
import { mediaPath } from "@/lib/urls";

export const metadata: Metadata = { title: "사진" };

type Props = { searchParams: Promise<{ page?: string; uploaded?: string; error?: string }> };

export default async function ImagesPage({ searchParams }: Props) {
  await requireActor("/admin/images");
  const sp = await searchParams;
  const page = parsePage(sp.page) ?? 1;
  const { rows, pages, total } = await listImages(page);
  return (
    <>
      <h1>사진</h1>
      {sp.uploaded && (
        <p className="notice" role="status">
          사진을 올렸습니다 (번호 {sp.uploaded}). 기사의 ‘대표 사진 번호’에 이 번호를 넣으세요.
        </p>
      )}
      {sp.error && (
        <p className="notice is-error" role="alert">
          {sp.error.slice(0, 200)}
        </p>
      )}
      <form className="upload-form" method="post" action="/admin/images/upload" encType="multipart/form-data">
        <label>
          <span>사진 파일 (JPEG, PNG, WebP, AVIF · 15MB 이하)</span>
          <input type="file" name="file" accept="image/jpeg,image/png,image/webp,image/avif" required />
        </label>
        <label>
          <span>사진 설명</span>
          <input type="text" name="caption" maxLength={300} />
        </label>
        <button type="submit" className="btn btn-primary">
          올리기
        </button>
      </form>
      <p className="muted">Total : {total.toLocaleString("ko-KR")}</p>
      <ul className="image-grid">
        {rows.map((img) => {
          const thumb = (img.variants as ImageVariant[]).find((v) => v.format === "webp") ?? null;
          return (
            <li key={img.id}>
              <img src={mediaPath(thumb?.key ?? img.storageKey)} alt={img.alt} loading="lazy" width={thumb?.width ?? img.width} height={thumb?.height ?? img.height} />
              <p>
                <strong>번호 {img.id}</strong> · {img.width}×{img.height}
              </p>
              <p className="small muted">
                {img.caption ?? img.alt} {formatDateTime(img.createdAt)}
              </p>
            </li>
          );
        })}
      </ul>
      <AdminPager page={page} pages={pages} href={(p) => `/admin/images?page=${p}`} />
    </>
  );
}
