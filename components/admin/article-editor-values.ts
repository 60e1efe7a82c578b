// The editor form's starting values from a stored article (or a blank one).
import { htmlToText, makeExcerpt } from "@/lib/format";
import { toChinaInput } from "@/lib/china-time";
import { mediaPath } from "@/lib/urls";
import type { EditableArticle } from "@/lib/data/admin-articles";

export type ArticleFormValues = {
  id: number | null;
  /** articles.version as loaded; null for an article not stored yet. */
  version: number | null;
  status: string;
  title: string;
  subtitle: string;
  sectionId: number | "";
  sourceName: string;
  byline: string;
  editorName: string;
  excerpt: string;
  body: string;
  coverImageId: number | "";
  coverCaption: string;
  coverSrc: string | null;
  scheduledAt: string;
  /** Comma-separated, as the "태그" field shows them. */
  tags: string;
  seoTitle: string;
  seoDescription: string;
  socialImageId: number | "";
  socialSrc: string | null;
  /** The cover photo's own caption, offered when the article has none of its own. */
  coverPhotoCaption: string;
};

export function formValues(a: EditableArticle | null, defaults: { sectionId: number | ""; editorName: string; sourceName: string }): ArticleFormValues {
  return {
    id: a?.id ?? null,
    version: a?.version ?? null,
    status: a?.status ?? "NEW",
    title: a?.title ?? "",
    subtitle: a?.subtitle ?? "",
    sectionId: a?.sectionId ?? defaults.sectionId,
    sourceName: a?.sourceName ?? defaults.sourceName,
    byline: a?.byline ?? "",
    editorName: a?.editorName ?? defaults.editorName,
    // A generated excerpt shows as empty, so that it keeps following the body on later saves.
    excerpt: a && a.excerpt !== makeExcerpt(htmlToText(a.body)) ? a.excerpt : "",
    body: a?.body ?? "",
    coverImageId: a?.coverImageId ?? "",
    coverCaption: a?.coverCaption ?? "",
    coverSrc: a?.coverImage ? mediaPath(a.coverImage.storageKey) : null,
    scheduledAt: a?.status === "SCHEDULED" ? toChinaInput(a.publishedAt) : "",
    tags: a?.tags.map((t) => t.tag.name).join(", ") ?? "",
    seoTitle: a?.seoTitle ?? "",
    seoDescription: a?.seoDescription ?? "",
    socialImageId: a?.socialImageId ?? "",
    socialSrc: a?.socialImage ? mediaPath(a.socialImage.storageKey) : null,
    coverPhotoCaption: a?.coverImage?.caption ?? "",
  };
}
