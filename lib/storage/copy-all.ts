// Copies every object of one store into another (npm run media:migrate: the upload folder
// into the bucket). Resumable and idempotent without a journal: what the target already
// holds at the same size is skipped, and an S3 PUT is all-or-nothing, so a run stopped at
// any point and started again copies exactly what is still missing.
import { isSafeKey, mediaType, type FileStorage } from "./index";

export type CopyReport = { total: number; copied: number; skipped: number; failed: { key: string; error: string }[]; ignored: string[]; bytes: number };

export async function copyAll(
  from: FileStorage,
  to: FileStorage,
  opts: { concurrency?: number; onProgress?: (r: CopyReport) => void } = {},
): Promise<CopyReport> {
  const there = new Map<string, number>();
  for await (const o of to.list()) there.set(o.key, o.size);
  const report: CopyReport = { total: 0, copied: 0, skipped: 0, failed: [], ignored: [], bytes: 0 };
  const todo: string[] = [];
  for await (const o of from.list()) {
    // Only what /media could serve: stray files (editor backups, .DS_Store) stay behind, named.
    if (!isSafeKey(o.key) || !mediaType(o.key)) {
      report.ignored.push(o.key);
      continue;
    }
    report.total++;
    if (there.get(o.key) === o.size) report.skipped++;
    else todo.push(o.key);
  }
  opts.onProgress?.(report);
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const key = todo[next++];
      try {
        const data = await from.get(key);
        if (!data) throw new Error("vanished from the source while copying");
        await to.put(key, data, mediaType(key)!);
        report.copied++;
        report.bytes += data.length;
      } catch (e) {
        report.failed.push({ key, error: (e as Error).message });
      }
      opts.onProgress?.(report);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 8) }, worker));
  return report;
}
