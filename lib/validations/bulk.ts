// Inputs of the admin lists' bulk actions: which rows were ticked and what to do with them.
import { z } from "zod";

/** Rows one bulk action may touch: a list page holds fewer. */
export const BULK_MAX = 50;

const id = z.coerce.number().int().positive().max(2_147_483_647);
/** One ticked checkbox arrives as a string, several as an array. */
const ids = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(id)
    .min(1, "기사를 하나 이상 고르세요.")
    .max(BULK_MAX, `한 번에 ${BULK_MAX}건까지 고를 수 있습니다.`)
    .transform((xs) => [...new Set(xs)]),
);

export const BULK_ARTICLE_OPS = ["publish", "unpublish", "trash"] as const;
export type BulkArticleOp = (typeof BULK_ARTICLE_OPS)[number];
export const bulkArticlesInput = z.object({ op: z.enum(BULK_ARTICLE_OPS, { error: "할 일을 고르세요." }), ids });

export const bulkCommentsInput = z.object({
  op: z.enum(["hide", "show"], { error: "할 일을 고르세요." }),
  ids: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(id).min(1, "댓글을 하나 이상 고르세요.").max(100, "한 번에 100개까지 고를 수 있습니다.").transform((xs) => [...new Set(xs)]),
  ),
});
