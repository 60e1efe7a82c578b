// Reads of the editors' desk: the autosave to offer when an article opens, the send-back note,
// an autosaved text as the reader would see it. Per request, never cached.
import "server-only";
import { db } from "../db";
import { imageSelect, toImageRef } from "./mappers";
import { getPreviewArticle } from "./admin-articles";

const who = { createdBy: { select: { name: true } } } as const;

/**
 * The newest autosave revision written after the article's last save (anyone's: a published
 * article's autosave, or a refused save kept as a revision), which the edit page offers to
 * load. Null when the stored article is newer than every autosave.
 */
export async function newerAutosave(a: Same & { id: number; updatedAt: Date }) {
  const r = await db.articleRevision.findFirst({
    where: { articleId: a.id, kind: "AUTOSAVE", createdAt: { gt: a.updatedAt } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, createdAt: true, note: true, ...who, ...sameSelect },
  });
  // An autosave that says just what the article says is nothing to offer.
  return r && SAME.some((k) => r[k] !== a[k]) ? r : null;
}

const SAME = ["title", "subtitle", "body", "excerpt", "sourceName", "byline", "editorName", "coverImageId", "coverCaption", "sectionId"] as const;
type Same = { [K in (typeof SAME)[number]]: string | number | null };
const sameSelect = Object.fromEntries(SAME.map((k) => [k, true])) as { [K in (typeof SAME)[number]]: true };

/** An autosave revision of this article, to load into the form ("불러오기"). */
export async function autosaveOf(articleId: number, revisionId: number) {
  const r = await db.articleRevision.findUnique({ where: { id: revisionId }, include: who });
  if (!r || r.articleId !== articleId || r.kind !== "AUTOSAVE") return null;
  const coverImage = r.coverImageId ? await db.image.findUnique({ where: { id: r.coverImageId }, select: { ...imageSelect, caption: true } }) : null;
  return { ...r, coverImage };
}

/** The note of the send-back the article is under, with who wrote it and when. */
export async function sendBackNote(sendBackId: number | null) {
  if (!sendBackId) return null;
  return db.articleRevision.findUnique({ where: { id: sendBackId }, select: { note: true, createdAt: true, ...who } });
}

/**
 * The article as readers would see it with a revision's text (the editor's unsaved changes,
 * autosaved for the preview); readers' own page stays as it is.
 */
export async function getRevisionPreview(articleId: number, revisionId: number) {
  const [a, r] = await Promise.all([getPreviewArticle(articleId), db.articleRevision.findUnique({ where: { id: revisionId } })]);
  if (!a || !r || r.articleId !== articleId) return null;
  const [section, cover] = await Promise.all([
    db.section.findUnique({ where: { id: r.sectionId }, select: { id: true, slug: true, name: true } }),
    r.coverImageId ? db.image.findUnique({ where: { id: r.coverImageId }, select: { ...imageSelect, caption: true } }) : null,
  ]);
  return {
    ...a,
    title: r.title,
    subtitle: r.subtitle,
    excerpt: r.excerpt,
    body: r.body,
    sourceName: r.sourceName,
    byline: r.byline,
    editorName: r.editorName,
    coverCaption: r.coverCaption,
    cover: toImageRef(cover),
    section: section ?? a.section,
    revisionAt: r.createdAt,
  };
}
