// What a 404 or 410 page shows besides its message: the section menu and the newest articles,
// both from the readers' cached reads. A database that cannot answer leaves them out; the page
// itself must never fail.
import "server-only";
import { listArticles } from "./articles";
import { getSections } from "./sections";
import { STATUS_LATEST } from "../site/status-text";
import type { ArticleListItem, Section } from "../types";

export type StatusPageData = { sections: Section[]; latest: ArticleListItem[] };

export async function getStatusPageData(): Promise<StatusPageData> {
  const [sections, list] = await Promise.all([getSections().catch(() => []), listArticles(null, 1).catch(() => null)]);
  return { sections, latest: list?.items.slice(0, STATUS_LATEST) ?? [] };
}
