// The admin article list as one SQL statement: the filters, the sort and the keyset page,
// and, with a search, the words looked up as the public search does (lib/search/sql.ts: the
// same keys, spelling rule and recheck) in article_search (published) and
// article_desk_search (everything readers cannot see). Pure: the page (Prisma) and the
// integration tests run the same text. Every value is a parameter.
import type { ArticleSort, Cursor, SortDir } from "../validations/admin-query";
import type { StatusFilter } from "../article-status";
import type { ParsedQuery } from "./query";
import { sqlMatcher } from "./query";

export const DESK_PAGE_SIZE = 20;
/** Search matches ranked at most (newest first); beyond, the page says the list is cut. */
export const DESK_MATCH_CAP = 5000;
/** Sorting by views (no index: view beacons stay HOT updates) ranks the newest this many. */
export const VIEWS_WINDOW = 5000;
/** Counted at most; beyond, the page shows "1000+". */
export const DESK_COUNT_CAP = 1000;

export type DeskListInput = {
  words?: ParsedQuery["words"];
  status?: StatusFilter;
  sectionId?: number;
  authorId?: number;
  sort: ArticleSort;
  dir: SortDir;
  after?: Cursor;
  before?: Cursor;
  pageSize?: number;
};

const intArray = (xs: number[]) => `{${xs.join(",")}}`;

/** The sort value as SQL; never-published articles sort as the earliest time. */
export const SORT_SQL: Record<ArticleSort, string> = {
  updated: "a.updated_at",
  published: "coalesce(a.published_at, '-infinity'::timestamp(3))",
  views: "a.view_count",
  comments: "a.comment_count",
};

const LIST_COLUMNS = ["id", "title", "status", "published_at", "updated_at", "deleted_at", "author_id", "view_count", "comment_count", "section_id", "send_back_id"]
  .map((c) => `a.${c}`)
  .join(", ");

const isTime = (s: ArticleSort) => s === "updated" || s === "published";

export function buildDeskListSql(f: DeskListInput): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const size = f.pageSize ?? DESK_PAGE_SIZE;

  const filters: string[] = [];
  if (f.status === "TRASH") filters.push("a.deleted_at IS NOT NULL");
  else {
    filters.push("a.deleted_at IS NULL");
    if (f.status) filters.push(`a.status = ${p(f.status)}::"ArticleStatus"`);
  }
  if (f.sectionId) filters.push(`a.section_id = ${p(f.sectionId)}`);
  if (f.authorId) filters.push(`a.author_id = ${p(f.authorId)}`);

  const ctes: string[] = [];
  let capped = "false";
  let source = "articles a";
  const words = f.words ?? [];
  if (words.length) {
    // Index conditions as in the public search: every key group meets the article's keys.
    const single = new Set<number>();
    const groups: string[] = [];
    for (const g of words.flatMap((w) => w.keyGroups)) {
      if (g.length === 1) single.add(g[0]);
      else groups.push(`s.keys && ${p(intArray(g))}::bigint[]`);
    }
    if (single.size) groups.unshift(`s.keys @> ${p(intArray([...single]))}::bigint[]`);
    const keys = groups.join(" AND ");
    const cap = p(DESK_MATCH_CAP);
    // Words longer than three characters are rechecked against the text, as in lib/search/sql.ts.
    const recheck = words
      .filter((w) => !w.exact)
      .map((w) => {
        const m = sqlMatcher(w);
        const pat = p(m.pattern);
        return `(k.title ${m.op} ${pat} OR k.body ${m.op} ${pat})`;
      });
    const text = recheck.length ? ", s.title, s.body" : "";
    ctes.push(`k AS MATERIALIZED (
  SELECT s.article_id${text} FROM article_search s WHERE ${keys}
  UNION ALL
  SELECT s.article_id${text} FROM article_desk_search s WHERE ${keys}
  ORDER BY article_id DESC
  LIMIT ${cap}::int + 1
)`);
    ctes.push(`m AS MATERIALIZED (
  SELECT k.article_id AS id FROM k${recheck.length ? ` WHERE ${recheck.join(" AND ")}` : ""}
  ORDER BY k.article_id DESC LIMIT ${cap}
)`);
    filters.push("a.id IN (SELECT id FROM m)");
    capped = `(SELECT count(*) FROM k) > ${cap}::int`;
  } else if (f.sort === "views") {
    // The window carries the list's columns itself: the page ranks it without going back
    // to the table (view_count is in no index, so nothing else could rank it cheaply).
    const where = filters.join(" AND ");
    ctes.push(`m AS MATERIALIZED (
  SELECT ${LIST_COLUMNS} FROM articles a WHERE ${where} ORDER BY a.id DESC LIMIT ${p(VIEWS_WINDOW)}::int + 1
)`);
    capped = `(SELECT count(*) FROM m) > ${p(VIEWS_WINDOW)}::int`;
    source = `(SELECT * FROM m ORDER BY id DESC LIMIT ${p(VIEWS_WINDOW)}) a`;
    filters.length = 0;
    filters.push("true");
  }
  const where = filters.join(" AND ");

  // Keyset: rows after (or before) the cursor in the chosen order; "before" reads the
  // order backwards and the caller turns the rows round.
  const sortSql = SORT_SQL[f.sort];
  const cursor = f.after ?? f.before;
  const backwards = !!f.before;
  const forwardAsc = f.dir === "asc";
  const asc = backwards ? !forwardAsc : forwardAsc;
  let keyset = "";
  if (cursor) {
    const value =
      cursor.v === null
        ? "'-infinity'::timestamp(3)"
        : isTime(f.sort)
          ? `${p(new Date(cursor.v).toISOString().slice(0, 23))}::timestamp(3)`
          : `${p(cursor.v)}::int`;
    keyset = ` AND (${sortSql}, a.id) ${asc ? ">" : "<"} (${value}, ${p(cursor.id)}::int)`;
  }
  const order = asc ? "ASC" : "DESC";
  ctes.push(`page AS MATERIALIZED (
  SELECT a.id, a.title, a.status::text AS status, a.published_at, a.updated_at, a.deleted_at, a.author_id,
         a.view_count, a.comment_count, a.send_back_id, sec.name AS section_name, u.name AS author_name,
         row_number() OVER (ORDER BY ${sortSql} ${order}, a.id ${order}) AS ord
  FROM (
    SELECT ${LIST_COLUMNS} FROM ${source} WHERE ${where}${keyset}
    ORDER BY ${sortSql} ${order}, a.id ${order} LIMIT ${p(size + 1)}
  ) a
  JOIN sections sec ON sec.id = a.section_id
  LEFT JOIN users u ON u.id = a.author_id
)`);
  // One row even when the page is empty, to carry the count.
  const sql = `WITH ${ctes.join(",\n")}
SELECT page.*, t.total, t.capped
FROM (SELECT (SELECT count(*) FROM (SELECT 1 FROM ${source} WHERE ${where} LIMIT ${p(DESK_COUNT_CAP + 1)}) c)::int AS total, ${capped} AS capped) t
LEFT JOIN page ON true
ORDER BY page.ord`;
  return { sql, params };
}
