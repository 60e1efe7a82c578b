// A draft exactly as readers will see it (the reader's own header, article view and footer),
// for signed-in staff only: this page is per request and never cached (the admin layout sends
// no-store and noindex). With ?revision=N it shows that revision's text (the editor's unsaved
// changes, autosaved for this preview) over the article: readers' page is not touched.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { getPreviewArticle } from "@/lib/data/admin-articles";
import { getRevisionPreview } from "@/lib/data/desk";
import { formatDateTime } from "@/lib/china-time";
import { parseId } from "@/lib/route-params";
import { statusLabel } from "@/lib/article-status";
import { ArticleView } from "@/components/article/article-view";
import { SiteHeader } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";
// The reader's own stylesheet: this page shows the draft with the reader's header, article and footer.
import "@/app/(site)/reader.css";

export const metadata: Metadata = { title: "미리보기" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ revision?: string }> };

export default async function PreviewPage({ params, searchParams }: Props) {
  const raw = (await params).id;
  await requireActor(`/admin/articles/${raw}/preview`);
  const id = parseId(raw);
  const rawRevision = (await searchParams).revision;
  const revisionId = rawRevision === undefined ? null : parseId(rawRevision);
  if (rawRevision !== undefined && revisionId === null) notFound();
  const a = id === null ? null : revisionId !== null ? await getRevisionPreview(id, revisionId) : await getPreviewArticle(id);
  if (!a) notFound();
  const unsavedAt = "revisionAt" in a ? (a.revisionAt as Date) : null;
  return (
    <div className="reader-preview">
      <p className="preview-banner" role="note">
        미리보기 · {statusLabel(a.status, a.deleted)} ·{" "}
        {unsavedAt ? (
          <strong data-testid="preview-unsaved">
            저장하지 않은 내용입니다 ({formatDateTime(unsavedAt)} 자동저장). {a.live ? "독자에게는 저장된 기사가 그대로 보입니다." : "독자에게는 아직 보이지 않습니다."}
          </strong>
        ) : a.live ? (
          "독자에게 보이는 기사입니다."
        ) : (
          "독자에게는 아직 보이지 않습니다."
        )}{" "}
        <Link href={`/admin/articles/${a.id}/edit`}>고치기로 돌아가기</Link>
      </p>
      <SiteHeader />
      <div className="site-main">
        <div className="article-layout">
          <ArticleView article={a} />
        </div>
      </div>
      <SiteFooter />
    </div>
  );
}
