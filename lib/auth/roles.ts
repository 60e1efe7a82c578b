// Who may do what in the newsroom. Pure functions: the server actions, the pages (to hide
// buttons) and the tests all ask these, so the rules live in one place.
export type Role = "ADMIN" | "EDITOR" | "REPORTER";
export type Actor = { id: number; role: Role; name: string; email: string };

export const ROLE_LABEL: Record<Role, string> = { ADMIN: "관리자", EDITOR: "편집자", REPORTER: "기자" };
export const STAFF: Role[] = ["ADMIN", "EDITOR", "REPORTER"];
export const EDITORS: Role[] = ["ADMIN", "EDITOR"];
export const ADMINS: Role[] = ["ADMIN"];

export const isEditor = (a: Actor | null) => !!a && EDITORS.includes(a.role);
export const isAdmin = (a: Actor | null) => a?.role === "ADMIN";

type ArticleState = { authorId: number | null; status: string; deletedAt: Date | string | null };

/** Reporters write and revise their own drafts until an editor takes over; editors edit anything. */
export function canEditArticle(actor: Actor | null, a: ArticleState): boolean {
  if (!actor) return false;
  if (isEditor(actor)) return true;
  return a.authorId === actor.id && (a.status === "DRAFT" || a.status === "PENDING") && !a.deletedAt;
}

/** Reporters may bin their own unsubmitted drafts; everything else is an editor's call. */
export function canTrashArticle(actor: Actor | null, a: ArticleState): boolean {
  if (!actor) return false;
  if (isEditor(actor)) return true;
  return a.authorId === actor.id && a.status === "DRAFT" && !a.deletedAt;
}
