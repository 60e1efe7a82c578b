// 조회 counts. Increments are HOT updates (view_count is in no index), one row each.
import "server-only";
import { db } from "../db";

export async function recordView(id: number): Promise<number | null> {
  const rows = await db.$queryRaw<{ view_count: number }[]>`
    UPDATE articles SET view_count = view_count + 1
    WHERE id = ${id} AND status = 'PUBLISHED' AND deleted_at IS NULL
    RETURNING view_count`;
  return rows[0]?.view_count ?? null;
}

export async function readViews(id: number): Promise<number | null> {
  const rows = await db.$queryRaw<{ view_count: number }[]>`
    SELECT view_count FROM articles WHERE id = ${id} AND status = 'PUBLISHED' AND deleted_at IS NULL`;
  return rows[0]?.view_count ?? null;
}
