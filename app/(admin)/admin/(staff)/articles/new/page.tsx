import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { isEditor } from "@/lib/auth/roles";
import { allSections } from "@/lib/data/sections";
import { site } from "@/lib/site/config";
import { ArticleForm } from "@/components/admin/article-form";
import { formValues } from "@/components/admin/article-editor-values";

export const metadata: Metadata = { title: "새 기사" };

export default async function NewArticlePage() {
  const actor = await requireActor("/admin/articles/new");
  const sections = await allSections();
  const initial = formValues(null, { sectionId: sections[0]?.id ?? "", editorName: isEditor(actor) ? actor.name : "", sourceName: site.name });
  return (
    <>
      <h1>새 기사</h1>
      <ArticleForm initial={initial} sections={sections} canPublish={isEditor(actor)} />
    </>
  );
}
