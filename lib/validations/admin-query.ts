// Query strings of admin lists: anything malformed falls back to "no filter" or page 1.
import { z } from "zod";
import { parsePage } from "../pagination";
import { STATUS_FILTERS, type StatusFilter } from "../article-status";

export type AdminListQuery = { q?: string; sectionId?: number; status?: StatusFilter; authorId?: number; page: number };

const pos = z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined);

export function parseArticleQuery(sp: Record<string, string | string[] | undefined>): AdminListQuery {
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]);
  const status = one("status");
  return {
    q: one("q")?.trim().slice(0, 100) || undefined,
    sectionId: pos.parse(one("section") || undefined),
    authorId: pos.parse(one("author") || undefined),
    status: STATUS_FILTERS.includes(status as never) ? (status as StatusFilter) : undefined,
    page: parsePage(one("page")) ?? 1,
  };
}
