// One photo to the upload route, for the body editor and the cover picker. XMLHttpRequest
// rather than fetch: only XHR reports upload progress, which the editor shows while a
// pasted or dropped photo is on its way.
export type UploadResult = { id: number; src: string; width: number; height: number; alt: string };

/** Sends one photo to the upload route; throws with the server's Korean message. */
export function uploadPhoto(file: File, caption: string, onProgress?: (percent: number) => void): Promise<UploadResult> {
  const fd = new FormData();
  fd.set("file", file);
  fd.set("alt", caption);
  fd.set("caption", caption);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/admin/images/upload");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let d: Partial<UploadResult> & { message?: string } = {};
      try {
        d = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): the generic message below.
      }
      if (xhr.status >= 200 && xhr.status < 300 && d.src) resolve(d as UploadResult);
      else reject(new Error(d.message || "사진을 올리지 못했습니다."));
    };
    xhr.onerror = () => reject(new Error("사진을 올리지 못했습니다. 인터넷 연결을 확인하세요."));
    xhr.send(fd);
  });
}
