// Cache tag names in one place: reads tag with these, writes revalidate exactly these.
export const tags = {
  sections: "sections",
  home: "home",
  archive: "archive",
  feeds: "feeds",
  article: (id: number) => `article:${id}`,
  section: (id: number) => `section:${id}`,
  comments: (articleId: number) => `comments:${articleId}`,
  /** The comment banned-words list (lib/data/banned-words.ts). */
  bannedWords: "banned-words",
} as const;

/** Seconds a cached page may live before a background refresh; writes revalidate sooner. */
export const REVALIDATE_SECONDS = 3600;
