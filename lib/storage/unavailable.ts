// The answer of a media URL when the store cannot be reached: 503 that nobody caches (a CDN
// would otherwise keep the failure for as long as it keeps the photo), with a short retry hint.
export function storageUnavailable(e: unknown): Response {
  console.error("[media] storage unavailable:", (e as Error)?.message ?? e);
  return new Response("사진 저장소에 잠시 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.", {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "5" },
  });
}
