// Publish, unpublish or bin several articles at once from the admin list. Each article goes
// through the single action's own definition (lib/actions/core/article-status.ts) with the
// same actor, so the roles, the checks and the cache tags are exactly those of one click
// each; the editor is told what happened to each ("3건 게시, 1건 권한 없음").
import "server-only";
import { STAFF } from "../../auth/roles";
import { bulkArticlesInput, type BulkArticleOp } from "../../validations/bulk";
import { defineAction, done, fail, runAction, type Outcome } from "../safe-action";
import { publishArticle, trashArticle, unpublishArticle } from "./article-status";

const DEFS = { publish: publishArticle, unpublish: unpublishArticle, trash: trashArticle } as const;

const VERB: Record<BulkArticleOp, string> = { publish: "게시", unpublish: "게시 취소", trash: "휴지통으로 옮김" };

/** The single actions' messages when they changed something (anything else "ok" was a no-op). */
const CHANGED: Record<BulkArticleOp, RegExp> = {
  publish: /^게시했습니다/,
  unpublish: /^(게시를 취소했습니다|예약을 취소하고)/,
  trash: /^휴지통으로 옮겼습니다/,
};

export type BulkResult = { id: number; outcome: "changed" | "unchanged" | "forbidden" | "missing" | "refused"; message: string };

/** "3건 게시, 1건 권한 없음" from the outcome of each article. */
export function summarise(op: BulkArticleOp, results: BulkResult[]): string {
  const n = (o: BulkResult["outcome"]) => results.filter((r) => r.outcome === o).length;
  const parts: string[] = [];
  if (n("changed")) parts.push(`${n("changed")}건 ${VERB[op]}`);
  if (n("unchanged")) parts.push(`${n("unchanged")}건 그대로`);
  if (n("forbidden")) parts.push(`${n("forbidden")}건 권한 없음`);
  if (n("missing")) parts.push(`${n("missing")}건 찾을 수 없음`);
  const refused = results.filter((r) => r.outcome === "refused");
  if (refused.length) parts.push(`${refused.length}건 못 함 (${[...new Set(refused.map((r) => r.message))].join(" ")})`);
  return parts.join(", ");
}

function classify(op: BulkArticleOp, r: Outcome): BulkResult["outcome"] {
  if (r.ok) return CHANGED[op].test(r.message) ? "changed" : "unchanged";
  if (r.status === 403) return "forbidden";
  if (r.status === 404) return "missing";
  return "refused";
}

export const bulkArticles = defineAction({
  name: "bulkArticles",
  roles: STAFF,
  schema: bulkArticlesInput,
  async run(actor, { op, ids }) {
    const results: BulkResult[] = [];
    const tags = new Set<string>();
    let rearm = false;
    // One after another: each is a short transaction of its own, and a list page holds few.
    for (const id of ids) {
      const r = await runAction(DEFS[op], actor, { id });
      results.push({ id, outcome: classify(op, r), message: r.message });
      if (r.ok) {
        r.tags.forEach((t) => tags.add(t));
        rearm ||= !!r.rearm;
      }
    }
    const message = summarise(op, results);
    if (results.every((r) => r.outcome === "forbidden")) return fail(403, message);
    return done(message, [...tags], { data: results, rearm });
  },
});
