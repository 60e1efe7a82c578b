// Non-canonical forms of reader URLs and where they permanently redirect (used by proxy.ts):
// `/articles/0123` → `/articles/123`, `/archive?page=1` → `/archive`, `?page=007` →
// `?page=7`, `/articles/7/comments/p/1` → `/articles/7#comments` (page 1 of the comments is
// the article) and `/comments/p/02` → `/comments/p/2`, and the internal paths behind the `?page=N` rewrites (`/archive/p/3`) → the
// public URL, so that every page has exactly one address.
import { parsePage } from "../pagination";
import { parseId } from "../route-params";
import { articlePath, commentsPath } from "../urls";

const ARTICLE = /^\/articles\/(\d{1,12})$/;
const COMMENTS = /^\/articles\/(\d{1,12})\/comments\/p\/(\d{1,12})$/;
const LIST = /^\/(archive|categories\/[^/]+)$/;
const LIST_INTERNAL = /^\/(archive|categories\/[^/]+)\/p\/([^/]+)$/;

/** `/articles/{id}` with a plain id: the id, else null (non-canonical or not an article). */
export function articleIdFromPath(pathname: string): number | null {
  const m = ARTICLE.exec(pathname);
  return m ? parseId(m[1]) : null;
}

function listUrl(base: string, page: number, search: URLSearchParams): string {
  const q = new URLSearchParams(search);
  q.delete("page");
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return `/${base}${s ? `?${s}` : ""}`;
}

/** Where a non-canonical URL should go with a 301; null when it is canonical or simply not found. */
export function canonicalRedirect(pathname: string, search: URLSearchParams): string | null {
  const article = ARTICLE.exec(pathname);
  if (article) {
    const id = parseId(article[1].replace(/^0+(?=\d)/, ""));
    return id !== null && String(id) !== article[1] ? `${articlePath(id)}${search.size ? `?${search}` : ""}` : null;
  }
  const comments = COMMENTS.exec(pathname);
  if (comments) {
    const id = parseId(comments[1].replace(/^0+(?=\d)/, ""));
    const page = parsePage(comments[2].replace(/^0+(?=\d)/, ""));
    if (id === null || page === null) return null;
    return page === 1 || String(id) !== comments[1] || String(page) !== comments[2] ? commentsPath(id, page) : null;
  }
  const internal = LIST_INTERNAL.exec(pathname);
  if (internal) {
    const page = parsePage(internal[2]);
    return page === null ? null : listUrl(internal[1], page, search);
  }
  const list = LIST.exec(pathname);
  if (list && search.has("page")) {
    const raw = search.getAll("page").at(-1)!;
    const page = parsePage(raw);
    if (page === null) return null;
    return page === 1 || raw !== String(page) || search.getAll("page").length > 1 ? listUrl(list[1], page, search) : null;
  }
  return null;
}
