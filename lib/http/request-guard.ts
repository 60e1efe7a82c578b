// Answers that need no page: what to say to a request before Next parses it. Next decodes
// route parameters itself and answers a malformed percent-escape (`/articles/%E0%A4%A`) with
// a 500, and renders pages for PUT or DELETE as if they were GET; both are decided here from
// the method, the raw URL and two headers. Pure, so tests/unit can check it row by row.

export type GuardAnswer = { status: 400 | 405 | 204; allow?: string };

const PAGE_METHODS = "GET, HEAD, POST";
// Route handlers that take a POST without a server action (next-auth, the 조회 beacon, the
// newsroom's upload and the scheduler's call); everything else is a page or a GET-only route.
const POST_ROUTES = /^\/(api\/|admin\/images\/upload$|admin\/publish-due$)/;
// Server actions come with a Next-Action header (JavaScript) or as a form post (without it).
const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

/**
 * The request target as a path: `GET http://host/path` (absolute-form, which HTTP/1.1 servers
 * must accept) becomes `/path`, so that its host, which a client chooses freely, never reaches
 * Next's redirects. Null for anything else that is not a path (`GET *`, `GET path`).
 */
export function originForm(url: string): string | null {
  if (url.startsWith("/")) return url; // `//x` too: Next redirects it to `/x`, on this host
  if (!/^https?:\/\//i.test(url)) return null;
  const m = /^https?:\/\/[^/?#]*([^#]*)/i.exec(url)!;
  const rest = m[1] || "/";
  return rest.startsWith("/") ? rest : `/${rest}`;
}

/** True when every percent-escape in the URL decodes to UTF-8 (Next would throw on the rest). */
export function wellFormedUrl(url: string): boolean {
  if (!url.includes("%")) return true;
  try {
    decodeURIComponent(url);
    return true;
  } catch {
    return false;
  }
}

/** `url` in origin-form (see originForm). */
export function guardRequest(method: string, url: string, header: (name: string) => string | undefined): GuardAnswer | null {
  if (method === "OPTIONS") return { status: 204, allow: `${PAGE_METHODS}, OPTIONS` };
  if (method !== "GET" && method !== "HEAD" && method !== "POST") return { status: 405, allow: PAGE_METHODS };
  if (!url.startsWith("/") || !wellFormedUrl(url)) return { status: 400 };
  if (method === "POST" && !header("next-action") && !FORM_TYPES.test(header("content-type") ?? "")) {
    const path = url.split("?", 1)[0];
    if (!POST_ROUTES.test(path)) return { status: 405, allow: "GET, HEAD" };
  }
  return null;
}

const TEXT: Record<GuardAnswer["status"], [string, string]> = {
  400: ["잘못된 요청입니다", "주소에 잘못된 문자가 들어 있습니다. 주소를 다시 확인해 주십시오."],
  405: ["허용되지 않는 요청입니다", "이 주소는 이런 방식의 요청을 받지 않습니다."],
  204: ["", ""],
};

/** A small Korean page for answers sent outside Next (no layout: nothing here may touch the database). */
export function plainPage(title: string, message: string): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title></head><body><main><h1>${title}</h1><p>${message}</p><p><a href="/">홈으로 가기</a></p></main></body></html>`;
}

export const guardPage = (status: GuardAnswer["status"]) => plainPage(...TEXT[status]);
