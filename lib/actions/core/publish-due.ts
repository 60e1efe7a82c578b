// Publishes every scheduled article whose time has come, in one statement (safe to run from
// several processes at once: each row flips once), and returns the tags to revalidate. The
// version moves on too, so an editor's tab opened before the flip cannot autosave over it.
import "server-only";
import { db } from "../../db";
import { dueSql } from "../../data/schedule";
import { readerTags } from "./article-shared";

export async function publishDue(now = new Date()): Promise<{ ids: number[]; tags: string[] }> {
  const rows = await db.$queryRaw<{ id: number; section_id: number }[]>`
    UPDATE articles SET status = 'PUBLISHED', updated_at = now(), version = version + 1
     WHERE ${dueSql(now)}
    RETURNING id, section_id`;
  if (rows.length === 0) return { ids: [], tags: [] };
  const ids = rows.map((r) => r.id);
  return { ids, tags: readerTags(ids, rows.map((r) => r.section_id)) };
}
