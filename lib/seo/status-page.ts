// Plain HTML answers for statuses sent outside the page tree (proxy.ts, route handlers):
// 410 for an article in the bin, 404 for an old-site link that leads nowhere.
import { site } from "../site/config";
import { escapeXml } from "./xml";
import { archivePath } from "../urls";

function page(title: string, message: string): string {
  const name = escapeXml(site.name);
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title} - ${name}</title>
<style>body{font-family:system-ui,"Noto Sans CJK KR","Malgun Gothic",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.7;color:#222}a{color:#0b4f8a}</style>
</head><body><main>
<p><a href="/">${name}</a></p>
<h1>${title}</h1>
<p>${message}</p>
<p><a href="/">홈으로 가기</a> · <a href="${archivePath()}">전체기사 보기</a></p>
</main></body></html>`;
}

const html = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=0, s-maxage=60" } });

export const goneResponse = () => html(page("삭제된 기사입니다", "이 기사는 편집부가 삭제하여 더는 볼 수 없습니다."), 410);

export const notFoundResponse = () =>
  html(page("페지를 찾을 수 없습니다", "주소가 바뀌었거나 없는 기사입니다. 주소를 다시 확인해 주십시오."), 404);

/** 301 to a path of this site, as an absolute URL on the configured public address. */
export const movedResponse = (location: string) =>
  new Response(null, { status: 301, headers: { Location: location, "Cache-Control": "public, max-age=3600" } });
