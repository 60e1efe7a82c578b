// Limits the comment form shows to the reader (safe to bundle for the browser).
export const NICKNAME_MAX = 20;
export const BODY_MAX = 1000;
/** Comments per page, newest first; page 1 is part of the article page. */
export const COMMENTS_PER_PAGE = 20;
