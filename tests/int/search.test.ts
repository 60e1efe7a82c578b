// Search against a real PostgreSQL: the trigger-kept index, both spellings, ranking,
// literal wildcards, and that the statement reads the GIN index instead of every row.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase } from "../support/db";
import { canonicalSyllable, foldText, textKeys, titleKey } from "@/lib/search/normalise";
import { parseQuery } from "@/lib/search/query";
import { htmlToText } from "@/lib/format";
import { buildSearchSql, findArticles, pgRunner, RESULT_CAP, SEARCH_SETTINGS } from "@/lib/search/sql";

let pool: pg.Pool;
let sections: { news: number; sports: number };

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await migratedDatabase("int_search"), max: 2 });
  const s = await pool.query<{ id: number }>(`INSERT INTO sections (slug, name) VALUES ('news', '뉴스'), ('sports', '체육') RETURNING id`);
  sections = { news: s.rows[0].id, sports: s.rows[1].id };
});
afterAll(() => pool?.end());

type Draft = { title: string; body?: string; days?: number; status?: string; section?: number; subtitle?: string; byline?: string };
let clock = Date.UTC(2024, 0, 1);

/** Inserts an article published `days` after 2024-01-01 (later = newer); returns its id. */
async function article(a: Draft): Promise<number> {
  const r = await pool.query<{ id: number }>(
    `INSERT INTO articles (section_id, title, subtitle, excerpt, body, source_name, byline, status, published_at, updated_at)
     VALUES ($1, $2, $3, '', $4, '해란강뉴스', $5, $6::"ArticleStatus", $7, now()) RETURNING id`,
    [a.section ?? sections.news, a.title, a.subtitle ?? null, a.body ?? "<p>본문</p>", a.byline ?? null, a.status ?? "PUBLISHED", new Date(a.days !== undefined ? Date.UTC(2024, 0, 1 + a.days) : (clock += 60_000))],
  );
  return r.rows[0].id;
}

async function search(q: string, opts: { page?: number; sectionId?: number } = {}) {
  return findArticles(pgRunner(pool), parseQuery(q), { page: opts.page ?? 1, pageSize: 10, sectionId: opts.sectionId ?? null });
}
const ids = async (q: string, opts?: { page?: number; sectionId?: number }) => (await search(q, opts)).ids;

describe("SQL and TypeScript fold and key text the same way", () => {
  it("search_canonical agrees with canonicalSyllable on every Hangul syllable", async () => {
    const r = await pool.query<{ c: number; k: number }>(`SELECT c, search_canonical(c) AS k FROM generate_series(44032, 55203) c`);
    const wrong = r.rows.filter((x) => x.k !== canonicalSyllable(x.c));
    expect(wrong).toEqual([]);
  });
  it("search_fold and search_keys agree with foldText and textKeys", async () => {
    const text = "  로인협회(老人協會) WeChat 위챗에서 50% 리용률  2024년 \u1100\u1161 ";
    const r = await pool.query<{ f: string; k: string[] }>(`SELECT search_fold($1) AS f, (SELECT array_agg(x ORDER BY x) FROM unnest(search_keys(search_fold($1))) x)::text[] AS k`, [text]);
    expect(r.rows[0].f).toBe(foldText(text));
    expect(r.rows[0].k.map(Number)).toEqual(textKeys(foldText(text)));
  });
  it("stores the title's keys a second time as title keys", async () => {
    const [title, body] = ["로인협회 소식", "본문 50%"];
    const r = await pool.query<{ k: string[] }>(`SELECT (SELECT array_agg(DISTINCT x ORDER BY x) FROM unnest(search_row_keys($1, $2)) x)::text[] AS k`, [title, body]);
    const want = [...new Set([...textKeys(`${title} ${body}`), ...textKeys(title).map(titleKey)])].sort((a, b) => a - b);
    expect(r.rows[0].k.map(Number)).toEqual(want);
  });
});

describe("matching", () => {
  it("finds two-syllable words and single syllables inside longer words", async () => {
    const a = await article({ title: "시장경제의 새 활력", body: "<p>축구장 건설</p>" });
    expect(await ids("경제")).toContain(a);
    expect(await ids("축구")).toContain(a);
    expect(await ids("활 축구장")).toEqual([a]);
  });

  it("finds Chinese-Korean and Seoul spellings with either", async () => {
    const ck = await article({ title: "로인협회 회원들 자원을 리용", body: "<p>력사 강좌를 련속 열었다.</p>" });
    const seoul = await article({ title: "노인협회 회원들 자원을 이용", body: "<p>역사 강좌를 연속 열었다.</p>" });
    for (const q of ["로인", "노인", "리용", "이용", "력사", "역사", "련속", "연속", "노인협회", "로인협회 리용"]) {
      expect((await ids(q)).sort(), q).toEqual([ck, seoul].sort());
    }
  });

  it("does not let a syllable inside a short word change spelling (관리 is not 기관이)", async () => {
    const particle = await article({ title: "기관이 나섰다" });
    const word = await article({ title: "기관의 관리 업무" });
    expect(await ids("관리")).toEqual([word]);
    expect(await ids("기관이")).toEqual([particle]);
  });

  it("needs every word (several words narrow the results)", async () => {
    const both = await article({ title: "연길 학교 운동회" });
    const one = await article({ title: "연길 시내 풍경" });
    expect(await ids("연길 학교")).toEqual([both]);
    expect(await ids("연길")).toEqual(expect.arrayContaining([both, one]));
  });

  it("rechecks long words whose keys are all present but not in a row", async () => {
    const apart = await article({ title: "조선족자치", body: "<p>선족자는 없고 족자치주만</p>" });
    const together = await article({ title: "조선족자치주 성립" });
    expect(await ids("조선족자치주")).toEqual([together]);
    expect(apart).toBeGreaterThan(0);
  });

  it("finds Chinese characters and Latin words, in any case", async () => {
    const a = await article({ title: "위챗(微信) 새 기능", body: "<p>WeChat Pay 서비스</p>" });
    expect(await ids("微信")).toEqual([a]);
    expect(await ids("wechat pay")).toEqual([a]);
    expect(await ids("WECHAT")).toEqual([a]);
  });

  it("searches the text of the body, not its markup, plus subtitle and byline", async () => {
    const a = await article({ title: "방송 소식", subtitle: "부제목의 특종", body: '<p class="highlightx">내용</p><figure><img alt="" src="/media/x.webp"><figcaption>사진설명</figcaption></figure>', byline: "/길림신문 리전기자" });
    expect(await ids("highlightx")).toEqual([]);
    expect(await ids("webp")).toEqual([]);
    expect(await ids("특종")).toEqual([a]);
    expect(await ids("리전기자")).toEqual([a]);
  });

  it("finds a word that an inline tag splits in the markup, as htmlToText reads it", async () => {
    const body = '<p>신청은 <a href="https://example.com/">홈페이지</a>에서 하고 <strong>접수</strong>증을 받는다.</p><p>둘째 문단</p>';
    const a = await article({ title: "접수 안내", body });
    expect(await ids("홈페이지에서")).toEqual([a]);
    expect(await ids("접수증을")).toEqual([a]);
    // A block still ends a word: the two paragraphs do not run together.
    expect(await ids("받는다.둘째")).toEqual([]);
    const r = await pool.query<{ t: string }>("SELECT search_html_text($1) AS t", [body]);
    expect(r.rows[0].t.replace(/\s+/g, " ").trim()).toBe(htmlToText(body));
  });

  it("treats % _ and \\ as characters, not wildcards", async () => {
    const pct = await article({ title: "성장률 50% 달성" });
    const plain = await article({ title: "5000명 참가" });
    const under = await article({ title: "file_name 규칙" });
    const slash = await article({ title: "경로 a\\b 표기" });
    expect(await ids("50%")).toEqual([pct]);
    expect(await ids("%")).toEqual([pct]);
    expect(await ids("_")).toEqual([under]);
    expect(await ids("e_n")).toEqual([under]);
    expect(await ids("a\\b")).toEqual([slash]);
    expect(await ids("\\")).toEqual([slash]);
    expect(await ids("' OR 1=1 --")).toEqual([]);
    expect(plain).toBeGreaterThan(0);
  });
});

describe("ranking and pages", () => {
  it("puts title matches first, then newer before older", async () => {
    const oldTitle = await article({ title: "훈춘 특산물 축제", days: 1 });
    const newBody = await article({ title: "주말 소식", body: "<p>훈춘 특산물 소개</p>", days: 30 });
    const newTitle = await article({ title: "훈춘 특산물 시장", days: 20 });
    const newestBody = await article({ title: "다른 소식", body: "<p>훈춘 특산물 판매</p>", days: 40 });
    expect(await ids("특산물")).toEqual([newTitle, oldTitle, newestBody, newBody]);
    // More of the words in the title ranks higher.
    expect(await ids("훈춘 축제")).toEqual([oldTitle]);
    const both = await article({ title: "두 단어 모두 송화강 썰매놀이", days: 2 });
    const one = await article({ title: "송화강 풍경", body: "<p>썰매놀이 체험</p>", days: 50 });
    const none = await article({ title: "여름 소식", body: "<p>송화강 썰매놀이</p>", days: 60 });
    expect(await ids("썰매놀이 송화강")).toEqual([both, one, none]);
    // Long words (rechecked against the text) rank the same way.
    expect(await ids("썰매놀이")).toEqual([both, none, one]);
  });

  it("filters by section", async () => {
    const news = await article({ title: "배구 경기 결과", section: sections.news });
    const sport = await article({ title: "배구 대회 결과", section: sections.sports });
    expect(await ids("배구", { sectionId: sections.sports })).toEqual([sport]);
    expect((await ids("배구")).sort()).toEqual([news, sport].sort());
  });

  it(`counts and pages up to ${RESULT_CAP} matches, then says there are more`, async () => {
    await pool.query(
      `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at)
       SELECT $1, '대량 기사 ' || g, '', '<p>본문</p>', '해란강뉴스', 'PUBLISHED', now() - g * interval '1 minute', now()
       FROM generate_series(1, $2::int) g`,
      [sections.news, RESULT_CAP + 5],
    );
    const first = await search("대량");
    expect(first).toMatchObject({ total: RESULT_CAP, capped: true });
    expect(first.ids).toHaveLength(10);
    const last = await search("대량", { page: RESULT_CAP / 10 });
    expect(last.ids).toHaveLength(10);
    expect(await search("대량", { page: RESULT_CAP / 10 + 1 })).toMatchObject({ ids: [], total: 0 });
    const few = await search("배구");
    expect(few).toMatchObject({ total: 2, capped: false });
  });
});

describe("the index follows every write", () => {
  it("adds an article when it is published, changes it on edit, drops it when unpublished or deleted", async () => {
    const id = await article({ title: "두만강 뗏목 축제", status: "DRAFT" });
    expect(await ids("뗏목")).toEqual([]);

    await pool.query(`UPDATE articles SET status = 'PUBLISHED' WHERE id = $1`, [id]);
    expect(await ids("뗏목")).toEqual([id]);

    await pool.query(`UPDATE articles SET title = '두만강 래프팅 축제', body = '<p>로인들도 참가</p>' WHERE id = $1`, [id]);
    expect(await ids("뗏목")).toEqual([]);
    expect(await ids("래프팅")).toEqual([id]);
    expect(await ids("노인")).toContain(id);

    await pool.query(`UPDATE articles SET section_id = $2 WHERE id = $1`, [id, sections.sports]);
    expect(await ids("래프팅", { sectionId: sections.sports })).toEqual([id]);

    await pool.query(`UPDATE articles SET view_count = view_count + 1 WHERE id = $1`, [id]);
    expect(await ids("래프팅")).toEqual([id]);

    await pool.query(`UPDATE articles SET status = 'DRAFT' WHERE id = $1`, [id]);
    expect(await ids("래프팅")).toEqual([]);

    await pool.query(`UPDATE articles SET status = 'PUBLISHED' WHERE id = $1`, [id]);
    await pool.query(`UPDATE articles SET deleted_at = now() WHERE id = $1`, [id]);
    expect(await ids("래프팅")).toEqual([]);

    await pool.query(`UPDATE articles SET deleted_at = NULL WHERE id = $1`, [id]);
    expect(await ids("래프팅")).toEqual([id]);
    await pool.query(`DELETE FROM articles WHERE id = $1`, [id]);
    expect(await ids("래프팅")).toEqual([]);
  });
});

describe("the statement", () => {
  it("reads the GIN index, never every row of article_search", async () => {
    for (const q of ["경제", "로인 학교", "이", "조선족자치주"]) {
      const { sql, params } = buildSearchSql(parseQuery(q), { page: 1, pageSize: 10 });
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(SEARCH_SETTINGS.sql);
        const plan = (await client.query(`EXPLAIN ${sql}`, params)).rows.map((r) => r["QUERY PLAN"]).join("\n");
        await client.query("ROLLBACK");
        expect(plan, q).toMatch(/Bitmap Index Scan on article_search_keys_idx/);
        expect(plan, q).not.toMatch(/Seq Scan on article_search/);
      } finally {
        client.release();
      }
    }
  });
});
