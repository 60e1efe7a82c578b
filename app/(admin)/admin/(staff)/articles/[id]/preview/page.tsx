// A draft exactly as readers will see it (the reader's own header, article view and footer),
// for signed-in staff only: this page is per request and never cached.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { getPreviewArticle } from "@/lib/data/admin-articles";
import { parseId } from "@/lib/route-params";
import { statusLabel } from "@/lib/article-status";
import { ArticleView } from "@/components/article/article-view";
import { SiteHeader } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";
// The reader's own stylesheet: this page shows the draft with the reader's header, article and footer.
import "@/app/(site)/reader.css";

export const metadata: Metadata = { title: "미리보기" };

type Props = { params: Promise<{ id: string }> };

export default async function PreviewPage({ params }: Props) {
  const raw = (await params).id;
  await requireActor(`/admin/articles/${raw}/preview`);
  const id = parseId(raw);
  const a = id === null ? null : await getPreviewArticle(id);
  if (!a) notFound();
  return (
    <div className="reader-preview">
      <p className="preview-banner" role="note">
        미리보기 · {statusLabel(a.status, a.deleted)} · {a.live ? "독자에게 보이는 기사입니다." : "독자에게는 아직 보이지 않습니다."}{" "}
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
