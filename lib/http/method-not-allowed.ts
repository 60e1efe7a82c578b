// A 405 that says what the URL does take (`Allow`, as HTTP requires): Next's automatic 405
// for a method a route handler does not export carries no Allow header.
export const methodNotAllowed = (allow: string) => () =>
  new Response("허용되지 않는 요청 방식입니다.", { status: 405, headers: { Allow: allow, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
