// The photo library's edits: a photo's texts (alt, caption, credit), and deleting a photo no
// article uses (article_images, kept by a trigger, says which do), with its stored files.
import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { isEditor, STAFF } from "../../auth/roles";
import { deleteStored } from "../../images/store";
import { imageUses, searchImages } from "../../data/images";
import type { ImageVariant } from "../../types";
import { defineAction, done, fail } from "../safe-action";
import { readerTags } from "./article-shared";
import { CONTROL } from "../../validations/tags";

// An INT4 id: a larger number is a photo that cannot exist (a 404), never a database error.
const id = z.coerce.number().int().positive().max(2_147_483_647);
const optional = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}은(는) ${max}자 이하로 써 주세요.`)
    .optional()
    .transform((v) => (v ? v.normalize("NFC").replace(CONTROL, "").trim() || null : null));

export const photoTextsInput = z.object({
  id,
  alt: z.string().trim().max(300, "대체 글은 300자 이하로 써 주세요.").optional().transform((v) => (v ?? "").normalize("NFC").replace(CONTROL, "").trim()),
  caption: optional(300, "사진 설명"),
  credit: optional(100, "출처(저작권자)"),
});

export const photoIdInput = z.object({ id });

export const photoListInput = z.object({
  q: z.string().max(100, "검색어는 100자 이하로 써 주세요.").optional().default(""),
  before: z.union([z.literal(""), id]).optional().transform((v) => (v ? v : null)),
});

const PHOTO_NOT_FOUND = "사진을 찾을 수 없습니다.";

/** Reader pages that show the photo (as cover or social card through their row): bounded. */
async function pagesShowing(imageId: number): Promise<string[]> {
  const rows = await db.article.findMany({
    where: { OR: [{ coverImageId: imageId }, { socialImageId: imageId }], status: "PUBLISHED", deletedAt: null },
    select: { id: true, sectionId: true },
    take: 200,
  });
  return rows.length ? readerTags(rows.map((r) => r.id), rows.map((r) => r.sectionId)) : [];
}

export const updatePhotoTexts = defineAction({
  name: "updatePhotoTexts",
  roles: STAFF,
  schema: photoTextsInput,
  async run(_actor, { id, alt, caption, credit }) {
    const found = await db.image.updateMany({ where: { id }, data: { alt, caption, credit } });
    if (found.count === 0) return fail(404, PHOTO_NOT_FOUND);
    return done("사진 정보를 고쳤습니다.", await pagesShowing(id));
  },
});

/** "기사 #12 「제목」, … 에 쓰이고 있어" — where a photo is used, for the refusal. */
function usedWhere(uses: Awaited<ReturnType<typeof imageUses>>): string {
  const list = uses.articles.map((a) => `기사 #${a.id} 「${a.title}」`).join(", ");
  return `${list}${uses.more ? " 등" : ""}에 쓰이고 있어 지울 수 없습니다. 기사에서 먼저 빼 주세요.`;
}

export const deletePhoto = defineAction({
  name: "deletePhoto",
  roles: STAFF,
  schema: photoIdInput,
  async run(actor, { id }) {
    const image = await db.image.findUnique({ where: { id }, select: { storageKey: true, variants: true, uploaderId: true } });
    if (!image) return fail(404, PHOTO_NOT_FOUND);
    if (!isEditor(actor) && image.uploaderId !== actor.id) return fail(403, "다른 사람이 올린 사진은 편집자만 지울 수 있습니다.");
    const uses = await imageUses(id);
    if (uses.articles.length) return fail(409, usedWhere(uses));
    // The row goes only while still unused: an article saved with it a moment ago holds it
    // through article_images (its trigger ran in that save's transaction).
    const gone = await db.$executeRaw`DELETE FROM images WHERE id = ${id} AND NOT EXISTS (SELECT 1 FROM article_images WHERE image_id = ${id})`;
    if (gone === 0) {
      const now = await imageUses(id);
      return now.articles.length ? fail(409, usedWhere(now)) : fail(404, PHOTO_NOT_FOUND);
    }
    await deleteStored(image.storageKey, (Array.isArray(image.variants) ? image.variants : []) as ImageVariant[]);
    return done("사진을 지웠습니다.", []);
  },
});

/** One page of the picker's grid. */
export const listPhotos = defineAction({
  name: "listPhotos",
  roles: STAFF,
  schema: photoListInput,
  async run(_actor, { q, before }) {
    const page = await searchImages({ q, before });
    return done("", [], { data: { items: page.items.map(({ createdAt: _c, bytes: _b, ...p }) => p), next: page.next } });
  },
});
