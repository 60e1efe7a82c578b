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
import { AutosaveOffer, SendBackNotice } from "@/components/admin/desk-notices";
import { EditingPresence } from "@/components/admin/editing-presence";
import { autosaveOf, newerAutosave, sendBackNote } from "@/lib/data/desk";
import { othersEditing } from "@/lib/data/presence";
import { savedNotice } from "@/lib/actions/core/article-save";

export const metadata: Metadata = { title: "기사 고치기" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; saved?: string; restored?: string; autosave?: string }> };

export default async function EditArticlePage({ params, searchParams }: Props) {
  const raw = (await params).id;
  const actor = await requireActor(`/admin/articles/${raw}/edit`);
  const id = parseId(raw);
  const a = id === null ? null : await getArticleForEdit(id);
  if (!a) notFound();
  const sp = await searchParams;
  const sections = await allSections();
  const editable = canEditArticle(actor, a);
  const autosaveId = parseId(sp.autosave ?? "");
  const [offer, loaded, note, others] = await Promise.all([
    newerAutosave(a),
    autosaveId && editable ? autosaveOf(a.id, autosaveId) : null,
    sendBackNote(a.sendBackId),
    othersEditing(a.id, { userId: actor.id, tabId: null }),
  ]);
  // "불러오기": the autosave's text in the form, based on the stored article's version (so a
  // save of it is refused if someone saved since), and marked unsaved.
  const base = loaded ? { ...a, ...revisionText(loaded) } : a;
  const notice = savedNotice(sp);
  return (
    <>
      <div className="page-head">
        <h1>
          기사 고치기 <span className="muted small">#{a.id}</span>
        </h1>
        <span className={`status status-${a.deletedAt ? "trash" : a.status.toLowerCase()}`}>{statusLabel(a.status, a.deletedAt)}</span>
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {sp.restored && (
        <p className="notice" role="status">
          예전 판으로 되돌렸습니다.
        </p>
      )}
      {/* Only a page that can edit counts as editing (and hears about the others). */}
      {editable && !a.deletedAt && <EditingPresence articleId={a.id} initial={others} />}
      {note && <SendBackNotice note={note} />}
      {editable && !a.deletedAt && (loaded ? <AutosaveOffer articleId={a.id} rev={loaded} loaded /> : offer && <AutosaveOffer articleId={a.id} rev={offer} loaded={false} />)}
      <ArticleStatusPanel actor={actor} article={a} />
      {a.deletedAt ? (
        <p className="notice">휴지통에 있는 기사는 고칠 수 없습니다. 먼저 되살리세요.</p>
      ) : editable ? (
        <ArticleForm
          key={loaded ? `${a.id}-autosave-${loaded.id}` : a.id}
          initial={formValues(base, { sectionId: "", editorName: isEditor(actor) ? actor.name : "", sourceName: site.name })}
          sections={sections}
          canPublish={isEditor(actor)}
          unsaved={!!loaded}
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

/** The fields of a revision the form shows (the rest, such as status and version, stay the article's). */
function revisionText(r: NonNullable<Awaited<ReturnType<typeof autosaveOf>>>) {
  const { title, subtitle, excerpt, body, sourceName, byline, editorName, coverImageId, coverCaption, sectionId, coverImage } = r;
  return { title, subtitle, excerpt, body, sourceName, byline, editorName, coverImageId, coverCaption, sectionId, coverImage };
}
