// What a 404 or 410 page shows besides its message: the section menu and the newest articles.
// The newest come from a cache entry of their own with no tag: Next renders a layout's
// not-found page into every page below it (app/(site)/not-found.tsx), and a tagged read there
// would make each publish throw away every cached page of the site. So the list may be up to
// REVALIDATE_SECONDS old, which a 404 page can afford. A database that cannot answer leaves
// both out; the page itself must never fail.
import "server-only";
import { unstable_cache } from "next/cache";
import { readDb } from "../read-db";
import { REVALIDATE_SECONDS } from "../cache-tags";
import { getSections } from "./sections";
import { published } from "./published";
import { STATUS_LATEST } from "../site/status-text";
import type { Section } from "../types";

export type StatusLink = { id: number; title: string };
export type StatusPageData = { sections: Section[]; latest: StatusLink[] };

const getStatusLatest = unstable_cache(
  (): Promise<StatusLink[]> =>
    readDb.article.findMany({ where: published, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: STATUS_LATEST, select: { id: true, title: true } }),
  ["status-latest"],
  { revalidate: REVALIDATE_SECONDS },
);

export async function getStatusPageData(): Promise<StatusPageData> {
  const [sections, latest] = await Promise.all([getSections().catch(() => []), getStatusLatest().catch(() => [])]);
  return { sections, latest };
}
