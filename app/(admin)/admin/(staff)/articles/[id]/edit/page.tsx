import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { canEditArticle, isEditor } from "@/lib/auth/roles";
import { getArticleForEdit } from "@/lib/data/admin-articles";
import { allSections } from "@/lib/data/sections";
import { parseId } from "@/lib/route-params";
import { site } from "@/lib/site/config";
import { statusLabel } from "@/lib/article-status";
import { ArticleForm } from "@/components/admin/article-form";
import { ArticleStatusPanel } from "@/components/admin/article-status-panel";
import { formValues } from "@/components/admin/article-editor-values";

export const metadata: Metadata = { title: "기사 고치기" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; saved?: string; restored?: string }> };

export default async function EditArticlePage({ params, searchParams }: Props) {
  const raw = (await params).id;
  const actor = await requireActor(`/admin/articles/${raw}/edit`);
  const id = parseId(raw);
  const a = id === null ? null : await getArticleForEdit(id);
  if (!a) notFound();
  const sp = await searchParams;
  const sections = await allSections();
  const editable = canEditArticle(actor, a);
  return (
    <>
      <div className="page-head">
        <h1>
          기사 고치기 <span className="muted small">#{a.id}</span>
        </h1>
        <span className={`status status-${a.deletedAt ? "trash" : a.status.toLowerCase()}`}>{statusLabel(a.status, a.deletedAt)}</span>
      </div>
      {sp.created && (
        <p className="notice" role="status">
          기사를 만들었습니다.
        </p>
      )}
      {sp.saved && (
        <p className="notice" role="status">
          저장했습니다.
        </p>
      )}
      {sp.restored && (
        <p className="notice" role="status">
          예전 판으로 되돌렸습니다.
        </p>
      )}
      <ArticleStatusPanel actor={actor} article={a} />
      {a.deletedAt ? (
        <p className="notice">휴지통에 있는 기사는 고칠 수 없습니다. 먼저 되살리세요.</p>
      ) : editable ? (
        <ArticleForm
          key={a.id}
          initial={formValues(a, { sectionId: "", editorName: isEditor(actor) ? actor.name : "", sourceName: site.name })}
          sections={sections}
          canPublish={isEditor(actor)}
        />
      ) : (
        <p className="notice">
          {a.status === "PUBLISHED" || a.status === "SCHEDULED"
            ? "게시되었거나 예약된 기사는 편집자만 고칠 수 있습니다."
            : "다른 기자의 기사는 편집자만 고칠 수 있습니다."}{" "}
          <Link href={`/admin/articles/${a.id}/preview`}>미리보기</Link>
        </p>
      )}
    </>
  );
}
