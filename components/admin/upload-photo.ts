// One photo to the upload route, for the body editor and the cover picker.
export type UploadResult = { id: number; src: string; width: number; height: number; alt: string };

/** Sends one photo to the upload route; throws with the server's Korean message. */
export async function uploadPhoto(file: File, caption: string): Promise<UploadResult> {
  const fd = new FormData();
  fd.set("file", file);
  fd.set("alt", caption);
  fd.set("caption", caption);
  const r = await fetch("/admin/images/upload", { method: "POST", body: fd, headers: { accept: "application/json" } });
  const d = (await r.json().catch(() => ({}))) as Partial<UploadResult> & { message?: string };
  if (!r.ok || !d.src) throw new Error(d.message || "사진을 올리지 못했습니다.");
  return d as UploadResult;
}
