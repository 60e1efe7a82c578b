// An article's statuses as the newsroom sees them: their Korean labels and the filters of the
// admin list. Pure (no database), so client components and validations may import it; what
// readers may see is the rule in lib/data/published.ts.
export type ArticleStatus = "DRAFT" | "PENDING" | "SCHEDULED" | "PUBLISHED";

/** The admin list's status filter: the four statuses, and the bin (deleted_at set, any status). */
export const STATUS_FILTERS = ["DRAFT", "PENDING", "SCHEDULED", "PUBLISHED", "TRASH"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const STATUS_LABEL: Record<StatusFilter, string> = {
  DRAFT: "초안",
  PENDING: "검토 대기",
  SCHEDULED: "예약",
  PUBLISHED: "게시됨",
  TRASH: "휴지통",
};

/** The label of an article as it stands: in the bin whatever its status was. */
export function statusLabel(status: string, deleted: boolean | Date | string | null = false): string {
  return deleted ? STATUS_LABEL.TRASH : (STATUS_LABEL[status as StatusFilter] ?? status);
}
