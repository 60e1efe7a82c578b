import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { searchImages } from "@/lib/data/images";
import { formatDateTime } from "@/lib/china-time";
import { deletePhotoAction } from "@/lib/actions/photos";
import { ActionButton } from "@/components/admin/action-button";
import { PhotoEditForm } from "@/components/admin/photo-edit-form";

export const metadata: Metadata = { title: "사진" };

type Props = { searchParams: Promise<{ q?: string; before?: string; uploaded?: string; error?: string }> };

const cursor = (raw: string | undefined) => (raw && /^\d{1,9}$/.test(raw) ? Number(raw) : null);

export default async function ImagesPage({ searchParams }: Props) {
  await requireActor("/admin/images");
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : "";
  const { items, next } = await searchImages({ q, before: cursor(sp.before) });
  const more = next && `/admin/images?${new URLSearchParams({ ...(q ? { q } : {}), before: String(next) })}`;
  return (
    <>
      <h1>사진</h1>
      {sp.uploaded && (
        <p className="notice" role="status">
          사진을 올렸습니다 (번호 {sp.uploaded}).
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
          <span>대체 글</span>
          <input type="text" name="alt" maxLength={300} />
        </label>
        <label>
          <span>사진 설명</span>
          <input type="text" name="caption" maxLength={300} />
        </label>
        <label>
          <span>출처</span>
          <input type="text" name="credit" maxLength={100} />
        </label>
        <button type="submit" className="btn btn-primary">
          올리기
        </button>
      </form>
      <form className="search-photos" role="search" method="get" action="/admin/images">
        <label htmlFor="photo-q">설명·대체 글·출처에서 찾기</label>
        <input id="photo-q" type="search" name="q" defaultValue={q} maxLength={100} />
        <button type="submit" className="btn">
          찾기
        </button>
        {q && <Link href="/admin/images">모두 보기</Link>}
      </form>
      {items.length === 0 && <p className="muted">{q ? "찾는 사진이 없습니다." : "사진이 없습니다."}</p>}
      <ul className="image-grid photo-library">
        {items.map((img) => (
          <li key={img.id} data-photo-id={img.id}>
            <img src={img.thumb} alt={img.alt} loading="lazy" />
            <p>
              <strong>번호 {img.id}</strong> · {img.width}×{img.height} · <span className="muted small">{formatDateTime(img.createdAt)}</span>
            </p>
            <PhotoEditForm id={img.id} alt={img.alt} caption={img.caption} credit={img.credit} />
            <ActionButton action={deletePhotoAction} fields={{ id: img.id }} label="사진 지우기" danger confirm="이 사진을 지울까요? 되돌릴 수 없습니다." />
          </li>
        ))}
      </ul>
      {more && (
        <p>
          <Link href={more} className="btn">
            더 보기
          </Link>
        </p>
      )}
    </>
  );
}
