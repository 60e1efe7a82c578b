"use server";
// The photo library's actions (core in ./core/photo-library.ts):
//   updatePhotoAction   photoTextsInput  staff   alt text, caption, credit
//   deletePhotoAction   photoIdInput     staff (others' photos: editors)  only when no article uses it
//   listPhotosAction    photoListInput   staff   one page of the picker (newest first, search)
import { perform, type FormState } from "./safe-action";
import { deletePhoto, listPhotos, updatePhotoTexts } from "./core/photo-library";
import type { PickedPhoto } from "@/components/admin/photo-types";

export type PhotoPage = { items: (PickedPhoto & { thumb: string })[]; next: number | null };

export async function updatePhotoAction(_p: FormState, form: FormData) {
  return perform(updatePhotoTexts, form);
}
export async function deletePhotoAction(_p: FormState, form: FormData) {
  return perform(deletePhoto, form);
}
export async function listPhotosAction(input: { q: string; before: number | null }): Promise<FormState<PhotoPage>> {
  return perform(listPhotos, { q: input.q, before: input.before ?? "" }, { quiet: true }) as Promise<FormState<PhotoPage>>;
}
