// The reader's 404 and 410 pages for answers sent outside the page tree (proxy.ts's 410 for an
// article in the bin, the old-link routes, every URL nothing else matched), as one HTML
// document: the site's header with its menu and search box, the message, the newest articles
// and the footer, in the same markup as the React pages (components/layout/site-header.tsx,
// status-content.tsx, site-footer.tsx). Its styles are inline: the site's stylesheet has a
// build-hashed name this code cannot know.
import "server-only";
import { chinaYear } from "../china-time";
import { getStatusPageData, type StatusPageData } from "../data/status-page";
import { site } from "../site/config";
import { FOOTER_SLUGS } from "../site/footer";
import { LATEST_HEADING, STATUS_TEXT, type StatusKind } from "../site/status-text";
import { MAX_QUERY_LENGTH } from "../search/query";
import { archivePath, articlePath, SEARCH_PATH, sectionPath } from "../urls";
import { escapeXml as esc } from "./xml";

const CSS = `:root{--brand:#0b4f8a;--brand-dark:#083a66;--ink:#1c1e21;--muted:#5f6670;--line:#e3e6ea;--max:1180px;font-family:"Apple SD Gothic Neo","Malgun Gothic","Noto Sans KR","Noto Sans CJK KR","Nanum Gothic",system-ui,sans-serif;color:var(--ink)}
*{box-sizing:border-box}body{margin:0;line-height:1.6;word-break:keep-all;overflow-wrap:anywhere}a{color:inherit;text-decoration:none}a:hover{color:var(--brand);text-decoration:underline}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip-link{position:absolute;left:-999px;top:0;background:var(--brand);color:#fff;padding:8px 12px}.skip-link:focus{left:8px}
.site-header{border-bottom:3px solid var(--brand)}.header-inner{max-width:var(--max);margin:0 auto;padding:14px 16px 8px;display:flex;align-items:center;gap:16px;flex-wrap:wrap}
.logo{display:inline-flex;align-items:center;gap:10px;font-weight:700;color:var(--brand-dark)}.logo-mark::before{content:"海"}.logo-mark{display:inline-grid;place-items:center;width:40px;height:40px;border-radius:10px;background:var(--brand);color:#fff;font-size:22px}.logo-text{font-size:26px}
.search-form{display:flex;gap:6px}.search-form input,.search-form button{font:inherit;font-size:15px;border:1px solid #c5ccd4;border-radius:4px;padding:7px 10px;background:#fff;color:var(--ink)}.search-form input{min-width:0;flex:1}.search-form button{flex:none;background:var(--brand);border-color:var(--brand);color:#fff;font-weight:700}.search-form-header{margin-left:auto;width:min(320px,100%)}
.section-nav{background:var(--brand)}.section-nav ul{max-width:var(--max);margin:0 auto;padding:0 8px;list-style:none;display:flex;overflow-x:auto}.section-nav li{flex:none}.section-nav a{display:block;padding:10px 12px;color:#fff;font-weight:700;font-size:15px;white-space:nowrap}
.site-main{max-width:var(--max);margin:0 auto;padding:20px 16px 40px;min-height:60vh}.status-page{max-width:720px;margin:0 auto;padding:24px 0}.status-page h1{font-size:26px;margin:0 0 8px}.status-message{color:var(--muted)}
.status-latest h2{font-size:18px;border-bottom:2px solid var(--brand);padding-bottom:6px}.status-latest ul{list-style:none;padding:0;margin:0}.status-latest li{padding:8px 0;border-bottom:1px solid var(--line)}.status-links a{color:var(--brand)}
body{position:relative}.back-to-top-track{position:absolute;top:150vh;bottom:0;right:14px;width:48px;overflow:clip;pointer-events:none}.back-to-top{position:sticky;top:calc(100vh - 62px);pointer-events:auto;display:grid;place-items:center;width:48px;height:48px;border-radius:50%;background:var(--brand);color:#fff;font-size:13px;font-weight:700;line-height:1.1;text-align:center}
.site-footer{background:#23272d;color:#c9ced4;font-size:14px;margin-top:24px}.footer-nav{max-width:var(--max);margin:0 auto;padding:14px 16px;display:flex;flex-wrap:wrap;gap:6px 16px;border-bottom:1px solid #3a3f46}.footer-nav a,.operator a,.operator strong{color:#fff}.operator{max-width:var(--max);margin:0 auto;padding:14px 16px 28px;font-style:normal;display:flex;flex-direction:column;gap:2px}
@media (max-width:760px){.logo-text{font-size:22px}.search-form-header{margin-left:0;width:100%}}`;

const link = (href: string, text: string) => `<a href="${esc(href)}">${esc(text)}</a>`;

/** components/search/search-form.tsx's form, without a query. */
const searchForm = (id: string, className: string) =>
  `<form role="search" action="${SEARCH_PATH}" method="get" class="${className}"><label for="${id}" class="visually-hidden">기사 검색</label><input id="${id}" type="search" name="q" maxlength="${MAX_QUERY_LENGTH}" placeholder="검색어 입력" autocomplete="off" enterkeyhint="search"><button type="submit">검색</button></form>`;

/** The whole document; exported for tests (tests/unit/status-page.test.ts). */
export function statusDocument(kind: StatusKind, { sections, latest }: StatusPageData, year = chinaYear(Date.now())): string {
  const text = STATUS_TEXT[kind];
  const name = esc(site.name);
  const nav = [link("/", "홈"), ...sections.map((s) => link(sectionPath(s.slug), s.name)), link(archivePath(), "전체기사")].map((a) => `<li>${a}</li>`).join("");
  const footerNav = [
    link("/", `${site.name}홈`),
    ...sections.filter((s) => FOOTER_SLUGS.includes(s.slug)).map((s) => link(sectionPath(s.slug), s.name)),
    link(archivePath(), "전체기사"),
    link(`mailto:${site.email}`, "광고문의"),
  ].join("");
  const items = latest.map((a) => `<li>${link(articlePath(a.id), a.title)}</li>`).join("");
  return `<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(text.title)} - ${name}</title><link rel="icon" href="/favicon.ico" sizes="any"><style>${CSS}</style></head>
<body><header class="site-header" id="top"><a class="skip-link" href="#main">본문으로 건너뛰기</a>
<div class="header-inner"><a href="/" class="logo"><span class="logo-mark" aria-hidden="true"></span><span class="logo-text">${name}</span></a>
${searchForm("site-search-q", "search-form search-form-header")}</div>
<nav class="section-nav" aria-label="분야별 뉴스"><ul>${nav}</ul></nav></header>
<main id="main" class="site-main"><div class="status-page"><h1>${esc(text.title)}</h1><p class="status-message">${esc(text.message)}</p>
${items ? `<section class="status-latest" aria-labelledby="status-latest-h"><h2 id="status-latest-h">${LATEST_HEADING}</h2><ul>${items}</ul></section>` : ""}
<p class="status-links">${link("/", "홈으로 가기")} · ${link(archivePath(), "전체기사 보기")}</p></div></main>
<footer class="site-footer"><nav aria-label="하단 메뉴" class="footer-nav">${footerNav}</nav>
<address class="operator"><strong>${esc(site.operator)}</strong><span>주소: ${esc(site.address)}</span><span>E-mail: ${link(`mailto:${site.email}`, site.email)}</span><span>${esc(site.license)}</span><span>Copyright © ${site.since}-${year} ${name} All Rights Reserved.</span></address></footer>
<div class="back-to-top-track"><a href="#top" class="back-to-top">맨<br>위로</a></div>
</body></html>`;
}

async function statusResponse(kind: StatusKind, status: number): Promise<Response> {
  const body = statusDocument(kind, await getStatusPageData());
  return new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=0, s-maxage=60" } });
}

export const goneResponse = () => statusResponse("gone", 410);

export const notFoundResponse = () => statusResponse("missing", 404);

/** 301 to a path of this site, as an absolute URL on the configured public address. */
export const movedResponse = (location: string) =>
  new Response(null, { status: 301, headers: { Location: location, "Cache-Control": "public, max-age=3600" } });
