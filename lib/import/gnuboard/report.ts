// What a run did, for the operator: counts, every skipped post or comment with its reason,
// every image that could not be brought across.

export type Skip = { board: string; wrId: number; reason: string };
export type BrokenImage = { board: string; wrId: number; path: string; reason: string };

export type ImportReport = {
  boards: string[];
  posts: { imported: number; updated: number; unchanged: number };
  comments: { imported: number; updated: number; unchanged: number };
  images: number;
  skipped: Skip[];
  brokenImages: BrokenImage[];
  linksRewritten: number;
  interrupted: boolean;
  ms: number;
};

export const emptyReport = (): ImportReport => ({
  boards: [],
  posts: { imported: 0, updated: 0, unchanged: 0 },
  comments: { imported: 0, updated: 0, unchanged: 0 },
  images: 0,
  skipped: [],
  brokenImages: [],
  linksRewritten: 0,
  interrupted: false,
  ms: 0,
});

const MAX_LISTED = 50;

export function formatReport(r: ImportReport): string {
  const secs = r.ms / 1000;
  const rate = secs > 0 ? Math.round((r.posts.imported + r.posts.updated + r.posts.unchanged) / secs) : 0;
  const lines = [
    `${r.interrupted ? "interrupted (run the same command again to continue)" : "done"} in ${secs.toFixed(1)} s (${rate} posts/s): boards ${r.boards.join(", ") || "none"}`,
    `posts:    ${r.posts.imported} imported, ${r.posts.updated} updated, ${r.posts.unchanged} unchanged, ${r.skipped.filter((s) => !s.reason.startsWith("comment")).length} skipped`,
    `comments: ${r.comments.imported} imported, ${r.comments.updated} updated, ${r.comments.unchanged} unchanged, ${r.skipped.filter((s) => s.reason.startsWith("comment")).length} skipped`,
    `images:   ${r.images} imported, ${r.brokenImages.length} broken; links to old posts rewritten in ${r.linksRewritten} articles`,
  ];
  const byReason = new Map<string, number>();
  for (const s of r.skipped) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
  if (byReason.size) lines.push("skipped:", ...[...byReason].map(([reason, n]) => `  ${n} × ${reason}`));
  for (const s of r.skipped.slice(0, MAX_LISTED)) lines.push(`  ${s.board} wr_id ${s.wrId}: ${s.reason}`);
  if (r.brokenImages.length) lines.push("broken images:");
  for (const b of r.brokenImages.slice(0, MAX_LISTED)) lines.push(`  ${b.board} wr_id ${b.wrId}: ${b.path} (${b.reason})`);
  if (r.skipped.length > MAX_LISTED || r.brokenImages.length > MAX_LISTED) lines.push(`  ... (the full lists are in --report FILE)`);
  return lines.join("\n");
}
