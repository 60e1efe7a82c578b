// The moderation screen's reads: comments (hidden ones too) found by article, nickname or
// address, a keyset page at a time, and the blocks in force. Per request, never cached.
import "server-only";
import { db } from "../db";
import { inForce, isIpHashBlocked as blockedIn } from "../comments/blocks";
import { clientIpHash } from "../comments/ip-hash";
import { parseQuery, sqlMatcher } from "../search/query";
import type { CommentQuery } from "../validations/moderation";
import type { Prisma } from "../generated/prisma/client";

export const COMMENT_PAGE_SIZE = 30;
/** Articles whose titles a search by article words looks in, newest first. */
export const ARTICLE_MATCH_CAP = 200;
/** Comments counted at most; beyond, "1000+". */
export const COMMENT_COUNT_CAP = 1000;

const intArray = (xs: number[]) => `{${xs.join(",")}}`;

/**
 * Articles (any status) whose title holds every word, by the search's rules (노인 = 로인),
 * looked up through the title keys of both search indexes; the newest ARTICLE_MATCH_CAP.
 */
export async function articlesByTitle(text: string): Promise<number[]> {
  const words = parseQuery(text).words;
  if (!words.length) return [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const conds = words.map((w) => {
    const m = sqlMatcher(w);
    return `s.keys && ${p(intArray(w.titleKeys))}::bigint[] AND s.title ${m.op} ${p(m.pattern)}`;
  });
  const where = conds.join(" AND ");
  const sql = `SELECT article_id AS id FROM (
    SELECT s.article_id FROM article_search s WHERE ${where}
    UNION ALL
    SELECT s.article_id FROM article_desk_search s WHERE ${where}
  ) u ORDER BY article_id DESC LIMIT ${p(ARTICLE_MATCH_CAP)}`;
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(sql, ...params);
  return rows.map((r) => Number(r.id));
}

export type CommentPage = {
  rows: { id: number; nickname: string; body: string; status: "VISIBLE" | "HIDDEN"; ipHash: string; createdAt: Date; article: { id: number; title: string } }[];
  total: number;
  more: boolean;
  next?: string;
  prev?: string;
};

export async function listAllComments(q: CommentQuery, pageSize = COMMENT_PAGE_SIZE): Promise<CommentPage> {
  const where: Prisma.CommentWhereInput = {};
  if (q.status) where.status = q.status;
  if (q.article) {
    where.articleId = /^\d{1,10}$/.test(q.article) ? { in: [Number(q.article)] } : { in: await articlesByTitle(q.article) };
  }
  if (q.nickname) where.nickname = q.nickname.normalize("NFC");
  if (q.ip && !q.ipInvalid) where.ipHash = await clientIpHash(db, q.ip);
  else if (q.ipInvalid) return { rows: [], total: 0, more: false };

  const cursor = q.after ?? q.before;
  const backwards = !!q.before;
  const cmp = backwards ? "gt" : "lt";
  const keyset: Prisma.CommentWhereInput | undefined = cursor && {
    OR: [{ createdAt: { [cmp]: new Date(cursor.t) } }, { createdAt: new Date(cursor.t), id: { [cmp]: cursor.id } }],
  };
  const dir = backwards ? ("asc" as const) : ("desc" as const);
  const [total, found] = await Promise.all([
    db.comment.count({ where, take: COMMENT_COUNT_CAP + 1 }),
    db.comment.findMany({
      where: keyset ? { AND: [where, keyset] } : where,
      orderBy: [{ createdAt: dir }, { id: dir }],
      take: pageSize + 1,
      select: { id: true, nickname: true, body: true, status: true, ipHash: true, createdAt: true, article: { select: { id: true, title: true } } },
    }),
  ]);
  const extra = found.length > pageSize;
  const rows = found.slice(0, pageSize);
  if (backwards) rows.reverse();
  const at = (r: (typeof rows)[number]) => `${r.createdAt.getTime()}_${r.id}`;
  const hasNext = backwards ? true : extra;
  const hasPrev = backwards ? extra : !!q.after;
  return {
    rows,
    total: Math.min(total, COMMENT_COUNT_CAP),
    more: total > COMMENT_COUNT_CAP,
    next: hasNext && rows.length ? at(rows[rows.length - 1]) : undefined,
    prev: hasPrev && rows.length ? at(rows[0]) : undefined,
  };
}

export function isIpHashBlocked(ipHash: string, now = new Date()): Promise<boolean> {
  return blockedIn(db, ipHash, now);
}

export async function activeBlocks(now = new Date()) {
  return db.commentIpBlock.findMany({
    where: inForce(now),
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, ipHash: true, until: true, reason: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}
