// Photo upload: processed (lib/images/process.ts), written through the storage interface and
// recorded in `images` with its variants.
import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { STAFF } from "../../auth/roles";
import { ImageRejected, processImage } from "../../images/process";
import { deleteStored, storeProcessed } from "../../images/store";
import { defineAction, done, fail } from "../safe-action";
import { mediaPath } from "../../urls";
import { nfc } from "../../validations/text";
import { StorageUnavailable } from "../../storage";

export type UploadedImage = { id: number; src: string; width: number; height: number; alt: string };

export const uploadInput = z.object({
  file: z.custom<Blob>((v) => v instanceof Blob && v.size > 0, "사진 파일을 고르세요."),
  alt: nfc().trim().max(300, "대체 글은 300자 이하로 써 주세요.").optional().default(""),
  caption: nfc().trim().max(300, "사진 설명은 300자 이하로 써 주세요.").optional().transform((v) => v || null),
  credit: nfc().trim().max(100, "출처(저작권자)는 100자 이하로 써 주세요.").optional().transform((v) => v || null),
});

export const UPLOAD_STORE_DOWN = "사진 저장소에 연결하지 못해 사진을 올리지 못했습니다. 잠시 후 다시 올려 주세요.";

export const uploadImage = defineAction({
  name: "uploadImage",
  roles: STAFF,
  schema: uploadInput,
  async run(actor, { file, alt, caption, credit }) {
    let stored;
    try {
      stored = await storeProcessed(await processImage(Buffer.from(await file.arrayBuffer())));
    } catch (e) {
      if (e instanceof ImageRejected) return fail(e.status, e.message, { file: [e.message] });
      if (e instanceof StorageUnavailable) {
        // The bucket is down or refuses us: the editor keeps the form and may try again.
        console.error(`[admin] upload not stored: ${e.message}`);
        return fail(503, UPLOAD_STORE_DOWN, { file: [UPLOAD_STORE_DOWN] });
      }
      throw e;
    }
    try {
      const row = await db.image.create({
        data: { storageKey: stored.key, mime: stored.mime, width: stored.width, height: stored.height, bytes: stored.bytes, variants: stored.variants, alt, caption, credit, uploaderId: actor.id },
        select: { id: true },
      });
      const data: UploadedImage = { id: row.id, src: mediaPath(stored.key), width: stored.width, height: stored.height, alt };
      return done("사진을 올렸습니다.", [], { data });
    } catch (e) {
      await deleteStored(stored.key, stored.variants);
      throw e;
    }
  },
});
