// The 429 page for a reader who searched too often: plain HTML (it is sent from proxy.ts,
// outside the page tree), with the box to try again once the minute is over.
import { site } from "../site/config";
import { escapeXml } from "../seo/xml";
import { archivePath, SEARCH_PATH } from "../urls";

export function tooManySearchesResponse(retryAfter: number, query: string): Response {
  const name = escapeXml(site.name);
  const body = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>검색 요청이 너무 많습니다 - ${name}</title>
<style>body{font-family:system-ui,"Noto Sans CJK KR","Malgun Gothic",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.7;color:#222}a{color:#0b4f8a}</style>
</head><body><main>
<p><a href="/">${name}</a></p>
<h1>검색 요청이 너무 많습니다</h1>
<p>짧은 시간에 검색을 너무 많이 하셨습니다. ${retryAfter}초 뒤에 다시 검색해 주십시오.</p>
<form role="search" action="${SEARCH_PATH}" method="get"><label>기사 검색 <input name="q" value="${escapeXml(query)}" maxlength="100"></label> <button>검색</button></form>
<p><a href="/">홈으로 가기</a> · <a href="${archivePath()}">전체기사 보기</a></p>
</main></body></html>`;
  return new Response(body, {
    status: 429,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": String(retryAfter) },
  });
}
