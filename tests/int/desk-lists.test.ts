// The newsroom's article list against a real database: search over title and body with the
// public search's rules for every status (and drafts never in the public search), the sort
// orders and their keyset pages, comment_count kept by its trigger, and bulk actions with
// each article's outcome under the single actions' roles.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminFixture, type Fixture } from "./admin-fixtures";
import { parseQuery } from "@/lib/search/query";
import { findArticles, pgRunner, SEARCH_SETTINGS } from "@/lib/search/sql";
import type { AdminListQuery } from "@/lib/validations/admin-query";

let f: Fixture;
let pool: pg.Pool;
let list: typeof import("../../lib/data/admin-articles").listAdminArticles;
let run: typeof import("../../lib/actions/safe-action").runAction;
let bulk: typeof import("../../lib/actions/core/article-bulk").bulkArticles;

beforeAll(async () => {
  f = await adminFixture("int_desk_lists");
  pool = new pg.Pool({ connectionString: f.url, max: 2 });
  ({ listAdminArticles: list } = await import("../../lib/data/admin-articles"));
  ({ runAction: run } = await import("../../lib/actions/safe-action"));
  ({ bulkArticles: bulk } = await import("../../lib/actions/core/article-bulk"));
});
afterAll(() => pool?.end());

type A = { title: string; body?: string; status?: string; publishedAt?: Date | null; updatedAt?: Date; views?: number; authorId?: number; deleted?: boolean };
async function article(a: A): Promise<number> {
  const status = a.status ?? "PUBLISHED";
  const publishedAt = a.publishedAt !== undefined ? a.publishedAt : status === "PUBLISHED" ? new Date() : null;
  const [r] = await f.sql<{ id: number }>(
    `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at, view_count, author_id, deleted_at)
     VALUES ($1, $2, '', $3, '해란강뉴스', $4::"ArticleStatus", $5, $6, $7, $8, $9) RETURNING id`,
    [f.sections[0], a.title, a.body ?? "<p>본문</p>", status, publishedAt, a.updatedAt ?? new Date(), a.views ?? 0, a.authorId ?? null, a.deleted ? new Date() : null],
  );
  return r.id;
}
const q = (o: Partial<AdminListQuery> = {}): AdminListQuery => ({ sort: "updated", dir: "desc", ...o });
const ids = async (o: Partial<AdminListQuery>) => (await list(q(o), 50)).rows.map((r) => r.id);
const publicIds = async (text: string) => (await findArticles(pgRunner(pool), parseQuery(text), { page: 1, pageSize: 50 })).ids;

describe("searching the admin list", () => {
  let draft: number, pending: number, scheduled: number, live: number, binned: number, seoul: number;
  beforeAll(async () => {
    draft = await article({ title: "초안 제목", body: "<p>연길시 <b>로인</b>협회가 새 회관을 열었다</p>", status: "DRAFT" });
    pending = await article({ title: "검토 대기 기사", body: "<p>로인절을 맞아 훈춘에서 잔치</p>", status: "PENDING" });
    scheduled = await article({ title: "예약된 로인 이야기", status: "SCHEDULED", publishedAt: new Date(Date.now() + 86_400_000) });
    live = await article({ title: "게시된 글", body: "<p>룡정의 로인들이 사과배를 딴다</p>" });
    seoul = await article({ title: "서울식 노인 표기", body: "<p>룡정 이야기는 없다</p>" });
    binned = await article({ title: "휴지통의 로인 글", status: "DRAFT", deleted: true });
  });

  it("finds words in the body and the title of every status, in either spelling (노인 = 로인)", async () => {
    const all = [draft, pending, scheduled, live, seoul];
    expect((await ids({ q: "로인" })).sort()).toEqual([...all].sort());
    expect((await ids({ q: "노인" })).sort()).toEqual([...all].sort());
    // The bin is searched on its own.
    expect(await ids({ q: "노인", status: "TRASH" })).toEqual([binned]);
    expect(await ids({ q: "로인", status: "DRAFT" })).toEqual([draft]);
  });

  it("needs every word: two words narrow the matches", async () => {
    expect((await ids({ q: "로인 룡정" })).sort()).toEqual([live, seoul].sort());
    expect(await ids({ q: "노인 사과배" })).toEqual([live]);
    expect(await ids({ q: "노인 훈춘" })).toEqual([pending]);
    expect(await ids({ q: "노인 없는말" })).toEqual([]);
  });

  it("keeps drafts, pending, scheduled and binned articles out of the public search", async () => {
    const found = await publicIds("로인");
    expect(found.sort()).toEqual([live, seoul].sort());
    expect(await publicIds("회관")).toEqual([]);
    expect(await ids({ q: "회관" })).toEqual([draft]);
  });

  it("moves an article between the two indexes as it is published and unpublished", async () => {
    const id = await article({ title: "옮겨 다니는 기사", body: "<p>두만강 뗏목</p>", status: "DRAFT" });
    expect(await publicIds("뗏목")).toEqual([]);
    await f.sql(`UPDATE articles SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [id]);
    expect(await publicIds("뗏목")).toEqual([id]);
    expect(await ids({ q: "뗏목" })).toEqual([id]);
    await f.sql(`UPDATE articles SET status = 'DRAFT' WHERE id = $1`, [id]);
    expect(await publicIds("뗏목")).toEqual([]);
    expect(await ids({ q: "뗏목" })).toEqual([id]);
    const [{ n }] = await f.sql<{ n: number }>(
      `SELECT (SELECT count(*) FROM article_search WHERE article_id = $1) + (SELECT count(*) FROM article_desk_search WHERE article_id = $1) AS n`,
      [id],
    );
    expect(Number(n)).toBe(1);
  });

  it("rechecks words of four or more syllables against the text", async () => {
    const id = await article({ title: "국제로동절 행사", status: "PENDING" });
    await article({ title: "국제 로동 절약", status: "PENDING" });
    expect(await ids({ q: "국제노동절" })).toEqual([id]);
  });
});

describe("sorting and keyset pages", () => {
  let section: number;
  let made: { id: number; pub: Date | null; upd: Date; views: number }[];
  beforeAll(async () => {
    [{ id: section }] = await f.sql<{ id: number }>(`INSERT INTO sections (slug, name) VALUES ('sortme', '정렬') RETURNING id`);
    made = [];
    const base = Date.UTC(2025, 0, 1);
    for (let i = 0; i < 7; i++) {
      const pub = i === 3 ? null : new Date(base + ((i * 5) % 7) * 3600_000);
      const upd = new Date(base + ((i * 3) % 7) * 60_000);
      const views = (i * 4) % 7;
      const [r] = await f.sql<{ id: number }>(
        `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at, view_count)
         VALUES ($1, $2, '', '<p>x</p>', 's', $3::"ArticleStatus", $4, $5, $6) RETURNING id`,
        [section, `정렬 ${i}`, pub ? "PUBLISHED" : "DRAFT", pub, upd, views],
      );
      made.push({ id: r.id, pub, upd, views });
    }
  });

  /** Every page of the list, following "다음" and then back with "이전". */
  async function walk(o: Partial<AdminListQuery>) {
    const forward: number[][] = [];
    let page = await list(q({ sectionId: section, ...o }), 3);
    forward.push(page.rows.map((r) => r.id));
    expect(page.prev).toBeUndefined();
    while (page.next) {
      page = await list(q({ sectionId: section, ...o, after: parseCursor(page.next) }), 3);
      forward.push(page.rows.map((r) => r.id));
    }
    const back: number[][] = [forward[forward.length - 1]];
    while (page.prev) {
      page = await list(q({ sectionId: section, ...o, before: parseCursor(page.prev) }), 3);
      back.unshift(page.rows.map((r) => r.id));
    }
    expect(back).toEqual(forward);
    return forward;
  }
  const parseCursor = (s: string) => {
    const [v, id] = s.split("_");
    return { v: v === "n" ? null : Number(v), id: Number(id) };
  };
  const by = (key: (m: (typeof made)[number]) => number) => [...made].sort((a, b) => key(b) - key(a) || b.id - a.id).map((m) => m.id);

  it("by time updated, newest first, three to a page", async () => {
    const pages = await walk({ sort: "updated" });
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(by((m) => m.upd.getTime()));
  });

  it("by time published, never-published articles last, and the other way round", async () => {
    const desc = by((m) => m.pub?.getTime() ?? -Infinity);
    expect((await walk({ sort: "published" })).flat()).toEqual(desc);
    expect(desc[desc.length - 1]).toBe(made[3].id);
    expect((await walk({ sort: "published", dir: "asc" })).flat()).toEqual([...desc].reverse());
  });

  it("by views and by comments", async () => {
    expect((await walk({ sort: "views" })).flat()).toEqual(by((m) => m.views));
    await f.sql(`INSERT INTO comments (article_id, nickname, body, ip_hash) VALUES ($1, 'a', '하나', 'h'), ($1, 'b', '둘', 'h'), ($2, 'c', '셋', 'h')`, [made[0].id, made[5].id]);
    const pages = await walk({ sort: "comments" });
    expect(pages.flat().slice(0, 2)).toEqual([made[0].id, made[5].id]);
    expect((await walk({ sort: "comments", dir: "asc" })).flat().slice(-2)).toEqual([made[5].id, made[0].id]);
  });

  it("counts the matches", async () => {
    const page = await list(q({ sectionId: section }), 3);
    expect(page).toMatchObject({ total: 7, more: false, capped: false });
  });
});

describe("comment_count", () => {
  it("follows comments posted, hidden, shown, deleted and moved", async () => {
    const a = await article({ title: "댓글 셈" });
    const b = await article({ title: "다른 기사" });
    const count = async (id: number) => (await f.sql<{ comment_count: number }>("SELECT comment_count FROM articles WHERE id = $1", [id]))[0].comment_count;
    const [c1, c2, c3] = await f.sql<{ id: number }>(
      `INSERT INTO comments (article_id, nickname, body, ip_hash) VALUES ($1, 'a', '1', 'h'), ($1, 'b', '2', 'h'), ($1, 'c', '3', 'h') RETURNING id`,
      [a],
    );
    expect(await count(a)).toBe(3);
    await f.sql(`UPDATE comments SET status = 'HIDDEN' WHERE id IN ($1, $2)`, [c1.id, c2.id]);
    expect(await count(a)).toBe(1);
    await f.sql(`UPDATE comments SET status = 'HIDDEN' WHERE id = $1`, [c1.id]);
    expect(await count(a)).toBe(1);
    await f.sql(`UPDATE comments SET status = 'VISIBLE' WHERE id = $1`, [c1.id]);
    expect(await count(a)).toBe(2);
    await f.sql(`DELETE FROM comments WHERE id = $1`, [c3.id]);
    expect(await count(a)).toBe(1);
    await f.sql(`DELETE FROM comments WHERE id = $1`, [c2.id]); // hidden: no change
    expect(await count(a)).toBe(1);
    await f.sql(`UPDATE comments SET article_id = $2 WHERE id = $1`, [c1.id, b]);
    expect([await count(a), await count(b)]).toEqual([0, 1]);
    // The editor's version is untouched: a comment never makes an open form stale.
    const [{ version }] = await f.sql<{ version: number }>("SELECT version FROM articles WHERE id = $1", [b]);
    expect(version).toBe(1);
    // Deleting the article takes its comments with it without error.
    await f.sql(`DELETE FROM articles WHERE id = $1`, [b]);
  });

  it("through the moderation actions too", async () => {
    const a = await article({ title: "모더레이션 셈" });
    const [c] = await f.sql<{ id: number }>(`INSERT INTO comments (article_id, nickname, body, ip_hash) VALUES ($1, 'a', '1', 'h') RETURNING id`, [a]);
    const cm = await import("../../lib/actions/core/comments");
    await run(cm.hideComment, f.editor, { id: String(c.id) });
    expect((await list(q({ q: "모더레이션" }))).rows[0]).toMatchObject({ id: a, commentCount: 0 });
    await run(cm.showComment, f.editor, { id: String(c.id) });
    expect((await list(q({ q: "모더레이션" }))).rows[0]).toMatchObject({ id: a, commentCount: 1 });
  });
});

describe("bulk actions", () => {
  it("publishes several at once and reports each article's outcome", async () => {
    const a = await article({ title: "묶음 1", status: "DRAFT" });
    const b = await article({ title: "묶음 2", status: "PENDING" });
    const c = await article({ title: "묶음 3" });
    const empty = await article({ title: "묶음 4", status: "DRAFT", body: "" });
    const r = await run(bulk, f.editor, { op: "publish", ids: [String(a), String(b), String(c), String(empty), "99999999"] });
    expect(r).toMatchObject({ ok: true, message: "2건 게시, 1건 그대로, 1건 찾을 수 없음, 1건 못 함 (본문과 출처를 채운 뒤에 게시할 수 있습니다.)" });
    const tags = (r as { tags: string[] }).tags;
    expect(tags).toEqual(expect.arrayContaining([`article:${a}`, `article:${b}`, "home", "archive", "feeds", `section:${f.sections[0]}`]));
    expect(tags).not.toContain(`article:${c}`);
    const st = await f.sql<{ id: number; status: string }>("SELECT id, status FROM articles WHERE id = ANY($1) ORDER BY id", [[a, b, c, empty]]);
    expect(st.map((x) => x.status)).toEqual(["PUBLISHED", "PUBLISHED", "PUBLISHED", "DRAFT"]);
    expect(await publicIds("묶음")).toEqual(expect.arrayContaining([a, b, c]));

    const u = await run(bulk, f.editor, { op: "unpublish", ids: [String(a), String(b)] });
    expect(u).toMatchObject({ ok: true, message: "2건 게시 취소" });
    expect(await publicIds("묶음")).toEqual([c]);
  });

  it("a reporter may bin only own drafts, and may not publish", async () => {
    const mine = await article({ title: "내 초안", status: "DRAFT", authorId: f.reporter.id });
    const minePending = await article({ title: "내 검토", status: "PENDING", authorId: f.reporter.id });
    const other = await article({ title: "남의 초안", status: "DRAFT", authorId: f.reporter2.id });
    const r = await run(bulk, f.reporter, { op: "trash", ids: [String(mine), String(minePending), String(other)] });
    expect(r).toMatchObject({ ok: true, message: "1건 휴지통으로 옮김, 2건 권한 없음" });
    const binned = await f.sql<{ id: number }>("SELECT id FROM articles WHERE id = ANY($1) AND deleted_at IS NOT NULL", [[mine, minePending, other]]);
    expect(binned.map((x) => x.id)).toEqual([mine]);
    expect(await run(bulk, f.reporter, { op: "publish", ids: String(other) })).toMatchObject({ ok: false, status: 403, message: "1건 권한 없음" });
    expect((await f.sql<{ status: string }>("SELECT status FROM articles WHERE id = $1", [other]))[0].status).toBe("DRAFT");
  });

  it("refuses malformed input", async () => {
    expect(await run(bulk, f.editor, { op: "explode", ids: ["1"] })).toMatchObject({ ok: false, status: 400 });
    expect(await run(bulk, f.editor, { op: "publish" })).toMatchObject({ ok: false, status: 400, errors: { ids: ["기사를 하나 이상 고르세요."] } });
    expect(await run(bulk, f.editor, { op: "publish", ids: Array.from({ length: 51 }, (_, i) => String(i + 1)) })).toMatchObject({ ok: false, status: 400 });
  });
});

describe("plans at scale", () => {
  // 20,000 articles in a database of their own: each sort order of the unfiltered list reads a
  // page from its index (no sort of the whole table), and the count stops at its cap.
  let c: pg.Client;
  beforeAll(async () => {
    const { migratedDatabase } = await import("../support/db");
    c = new pg.Client({ connectionString: await migratedDatabase("int_desk_lists_plans") });
    await c.connect();
    await c.query(`INSERT INTO sections (slug, name) VALUES ('s', '분야')`);
    await c.query(
      `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at, view_count)
       SELECT (SELECT min(id) FROM sections), '기사 ' || g, '', '<p>본문 ' || g || '</p>', 's',
              CASE WHEN g % 10 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END::"ArticleStatus",
              CASE WHEN g % 10 = 0 THEN NULL ELSE timestamp '2026-11-01' - g * interval '1 minute' END,
              timestamp '2026-11-01' - (g % 977) * interval '1 minute', g % 1000
       FROM generate_series(1, 20000) g`,
    );
    await c.query("VACUUM ANALYZE articles");
  }, 120_000);
  afterAll(() => c?.end());

  const { buildDeskListSql } = awaitImport();
  function awaitImport() {
    return { buildDeskListSql: (...a: Parameters<typeof import("@/lib/search/desk-sql").buildDeskListSql>) => import("@/lib/search/desk-sql").then((m) => m.buildDeskListSql(...a)) };
  }
  async function plan(input: Parameters<typeof import("@/lib/search/desk-sql").buildDeskListSql>[0]) {
    const { sql, params } = await buildDeskListSql(input);
    // The settings the app runs the statement with (lib/data/admin-articles.ts).
    await c.query("BEGIN");
    await c.query(SEARCH_SETTINGS.sql);
    const r = await c.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS OFF, TIMING OFF, SUMMARY OFF) ${sql}`, params);
    await c.query("COMMIT");
    return r.rows.map((x) => x["QUERY PLAN"]).join("\n");
  }

  /** No node reads more of articles than the count's cap (a scan stopped by LIMIT 1001 is fine). */
  function expectBounded(p: string) {
    for (const line of p.split("\n").filter((l) => /Scan.* on articles/.test(l))) {
      expect(Number(/actual rows=(\d+)/.exec(line)?.[1]), line).toBeLessThanOrEqual(5001);
    }
    for (const line of p.split("\n").filter((l) => /Seq Scan on articles/.test(l))) {
      expect(Number(/actual rows=(\d+)/.exec(line)?.[1]), line).toBeLessThanOrEqual(1001);
    }
  }

  it.each([
    ["updated", "articles_updated_at_id_idx"],
    ["published", "articles_desk_published_idx"],
    ["comments", "articles_comment_count_id_idx"],
  ] as const)("sorted by %s, reads the page from %s", async (sort, index) => {
    for (const dir of ["desc", "asc"] as const) {
      const p = await plan({ sort, dir });
      expect(p, p).toContain(index);
      // The page node reads at most a page and one row from the index.
      const scan = p.split("\n").find((l) => l.includes(index))!;
      expect(Number(/actual rows=(\d+)/.exec(scan)?.[1]), scan).toBe(21);
      expectBounded(p);
    }
  });

  it("a search for a word in every article ranks only the newest matches", async () => {
    const words = parseQuery("본문").words;
    const p = await plan({ sort: "updated", dir: "desc", words });
    expectBounded(p);
    const { sql, params } = await buildDeskListSql({ sort: "updated", dir: "desc", words });
    const { rows } = await c.query(sql, params);
    expect(rows[0]).toMatchObject({ total: 1001, capped: true });
  });

  it("counts no further than its cap and sorts by views within the newest window", async () => {
    expectBounded(await plan({ sort: "views", dir: "desc" }));
    const { rows } = await c.query(...(Object.values(await buildDeskListSql({ sort: "views", dir: "desc" })) as [string, unknown[]]));
    expect(rows[0].total).toBe(1001);
    expect(rows[0].capped).toBe(true);
    // The top of the window: the newest 5,000 (highest ids) ranked by views.
    const [{ top }] = (await c.query(`SELECT max(view_count) AS top FROM (SELECT view_count FROM articles ORDER BY id DESC LIMIT 5000) w`)).rows;
    expect(rows[0].view_count).toBe(top);
  });
});
