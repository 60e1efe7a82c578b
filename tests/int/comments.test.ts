// Reader comments against a real PostgreSQL: the same functions the server action and the
// captcha route call, with the clock passed in instead of waited for.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { issueChallenge, sweepStale } from "@/lib/captcha/challenge";
import { CAPTCHA_MAX_ATTEMPTS, FAILURE_LIMIT, FAILURE_WINDOW_SECONDS, ISSUE_LIMIT, ISSUE_WINDOW_SECONDS } from "@/lib/comments/config";
import { clientIpHash, ipSecret } from "@/lib/comments/ip-hash";
import { listComments } from "@/lib/comments/list";
import { submitComment, type PostContext } from "@/lib/comments/post";
import { migratedDatabase, withClient } from "../support/db";

let url: string;
let db: PrismaClient<never, { user: { passwordHash: true } }>;
let articleId: number;
let otherArticleId: number;
let draftId: number;

const t0 = new Date("2026-03-01T04:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
let clock = 0; // each test moves further on, so that no test sees another's interval
let ipCounter = 0;
const newIp = () => `198.51.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

function connect() {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 20 }), omit: { user: { passwordHash: true } } });
}

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return withClient(url, async (c) => (await c.query(text, params)).rows as T[]);
}

/** A fresh client at a fresh time: its own hash, a challenge drawn "now", and its answer. */
async function visitor(now = at(clock)) {
  const ipHash = await clientIpHash(db, newIp());
  const c = await issueChallenge(db, ipHash, now);
  if (!c.ok) throw new Error("challenge refused");
  return { ipHash, challengeId: c.id, answer: c.answer, now };
}

const wrong = (answer: string) => String((Number(answer[0]) + 1) % 10) + answer.slice(1);
const form = (body: string, captcha: string, extra: Record<string, unknown> = {}) => ({ articleId: String(articleId), nickname: "연길독자", body, captcha, ...extra });
const post = (input: Record<string, unknown>, ctx: PostContext) => submitComment(db, input, ctx);
const stored = async (body: string) => Number((await sql<{ n: string }>("SELECT count(*) AS n FROM comments WHERE body = $1", [body]))[0].n);

beforeAll(async () => {
  url = await migratedDatabase("int_comments");
  db = connect();
  await sql(`INSERT INTO sections (slug, name) VALUES ('yanbian', '연변')`);
  const ins = `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at)
               VALUES (1, $1, '요약', '<p>본문</p>', '해란강뉴스', $2, now(), now()) RETURNING id`;
  [articleId, otherArticleId, draftId] = await Promise.all(
    [["댓글 기사", "PUBLISHED"], ["다른 기사", "PUBLISHED"], ["초고", "DRAFT"]].map(async ([t, s]) => (await sql<{ id: number }>(ins, [t, s]))[0].id),
  );
});

afterAll(async () => {
  await db?.$disconnect();
});

beforeEach(() => {
  clock += 3600;
});

describe("posting with the captcha", () => {
  it("stores a comment with the right answer, once: the challenge is spent", async () => {
    const v = await visitor();
    const r = await post(form("첫 댓글입니다.\n두번째 줄", v.answer), v);
    expect(r).toMatchObject({ ok: true, articleId, message: "댓글을 올렸습니다." });
    const again = await post(form("다른 내용으로 또", v.answer), { ...v, now: at(clock + 60) });
    expect(again).toMatchObject({ ok: false, code: "captcha-expired", freshCaptcha: true });
    expect(await stored("첫 댓글입니다.\n두번째 줄")).toBe(1);
    expect(await stored("다른 내용으로 또")).toBe(0);
    const [row] = await sql<{ nickname: string; ip_hash: string; status: string }>("SELECT nickname, ip_hash, status FROM comments WHERE body = $1", ["첫 댓글입니다.\n두번째 줄"]);
    expect(row).toEqual({ nickname: "연길독자", ip_hash: v.ipHash, status: "VISIBLE" });
  });

  it("refuses a wrong answer, stores nothing, and spends the challenge after five attempts", async () => {
    const v = await visitor();
    for (let i = 1; i <= CAPTCHA_MAX_ATTEMPTS; i++) {
      const r = await post(form(`틀린 답 ${i}`, wrong(v.answer)), { ...v, now: at(clock + i) });
      expect(r).toMatchObject({ ok: false, code: "captcha-wrong", errors: { captcha: ["인증코드가 맞지 않습니다. 새로 나온 그림의 수자를 입력하세요."] } });
    }
    const [c] = await sql<{ attempts: number }>("SELECT attempts FROM captcha_challenges WHERE id = $1", [v.challengeId]);
    expect(c.attempts).toBe(CAPTCHA_MAX_ATTEMPTS);
    // Even the right answer: the five attempts are used up.
    expect(await post(form("이제 맞는 답", v.answer), { ...v, now: at(clock + 10) })).toMatchObject({ ok: false, code: "captcha-expired" });
    expect(Number((await sql<{ n: string }>("SELECT count(*) AS n FROM comments WHERE ip_hash = $1", [v.ipHash]))[0].n)).toBe(0);
  });

  it("expires a challenge five minutes after it was drawn", async () => {
    const v = await visitor();
    expect(await post(form("늦은 댓글", v.answer), { ...v, now: at(clock + 301) })).toMatchObject({ ok: false, code: "captcha-expired" });
    expect(await stored("늦은 댓글")).toBe(0);
    const w = await visitor();
    expect(await post(form("제때 댓글", w.answer), { ...w, now: at(clock + 299) })).toMatchObject({ ok: true });
  });

  it("refuses a post without any challenge (no cookie)", async () => {
    const v = await visitor();
    const r = await post(form("쿠키 없음", v.answer), { ...v, challengeId: null });
    expect(r).toMatchObject({ ok: false, code: "captcha-expired" });
    expect(r.ok ? "" : r.errors.captcha?.[0]).toContain("쿠키");
  });

  it("stores nothing for invalid fields and keeps the challenge for the corrected form", async () => {
    const v = await visitor();
    const r = await post(form("", v.answer, { nickname: "  " }), v);
    expect(r).toMatchObject({ ok: false, code: "invalid", errors: { nickname: ["닉네임을 입력하세요."], body: ["댓글 내용을 입력하세요."] } });
    const [c] = await sql<{ attempts: number }>("SELECT attempts FROM captcha_challenges WHERE id = $1", [v.challengeId]);
    expect(c.attempts).toBe(0);
    expect(await post(form("고쳐서 올린 댓글", v.answer), v)).toMatchObject({ ok: true });
  });

  it("refuses comments on articles that do not exist or are not published", async () => {
    for (const id of [draftId, 999999, "abc"]) {
      const v = await visitor();
      expect(await post(form("어디에?", v.answer, { articleId: String(id) }), v)).toMatchObject({ ok: false, code: "not-found", message: "댓글을 달 기사를 찾을 수 없습니다." });
    }
    expect(await stored("어디에?")).toBe(0);
  });
});

describe("limits per client", () => {
  it("counts wrong answers per IP across fresh challenges, so refreshing does not reset a guesser", async () => {
    const ip = newIp();
    const ipHash = await clientIpHash(db, ip);
    for (let i = 0; i < FAILURE_LIMIT; i++) {
      const c = await issueChallenge(db, ipHash, at(clock + i));
      if (!c.ok) throw new Error("refused");
      expect(await post(form(`추측 ${i}`, wrong(c.answer)), { ipHash, challengeId: c.id, now: at(clock + i) })).toMatchObject({ code: "captcha-wrong" });
    }
    const c = await issueChallenge(db, ipHash, at(clock + 20));
    if (!c.ok) throw new Error("refused");
    const blocked = await post(form("맞혔지만 막힘", c.answer), { ipHash, challengeId: c.id, now: at(clock + 20) });
    expect(blocked).toMatchObject({ ok: false, code: "guessing", message: "인증코드를 너무 여러 번 틀렸습니다. 15분 뒤에 다시 시도하세요." });
    expect(await stored("맞혔지만 막힘")).toBe(0);
    // The blocked attempt did not spend the challenge, nor was the answer even looked at.
    expect((await sql<{ attempts: number }>("SELECT attempts FROM captcha_challenges WHERE id = $1", [c.id]))[0].attempts).toBe(0);

    // Another client is not affected.
    const other = await visitor(at(clock + 20));
    expect(await post(form("다른 사람", other.answer), other)).toMatchObject({ ok: true });

    // Once the window has passed, the same client may try again.
    const later = at(clock + FAILURE_WINDOW_SECONDS + 1);
    const d = await issueChallenge(db, ipHash, later);
    if (!d.ok) throw new Error("refused");
    expect(await post(form("시간이 지나서", d.answer), { ipHash, challengeId: d.id, now: later })).toMatchObject({ ok: true });
  });

  it("draws at most 100 pictures per client in 10 minutes", async () => {
    const ipHash = await clientIpHash(db, newIp());
    for (let i = 0; i < ISSUE_LIMIT; i++) expect((await issueChallenge(db, ipHash, at(clock + i))).ok).toBe(true);
    expect(await issueChallenge(db, ipHash, at(clock + ISSUE_LIMIT))).toEqual({ ok: false, retryAfter: ISSUE_WINDOW_SECONDS });
    expect((await issueChallenge(db, await clientIpHash(db, newIp()), at(clock + ISSUE_LIMIT))).ok).toBe(true);
    expect((await issueChallenge(db, ipHash, at(clock + ISSUE_WINDOW_SECONDS + 1))).ok).toBe(true);
  });

  it("allows one comment per client every 30 seconds, without spending the captcha of a refused one", async () => {
    const v = await visitor();
    expect(await post(form("하나", v.answer), v)).toMatchObject({ ok: true });
    const c = await issueChallenge(db, v.ipHash, at(clock + 10));
    if (!c.ok) throw new Error("refused");
    const early = await post(form("둘", c.answer), { ipHash: v.ipHash, challengeId: c.id, now: at(clock + 10) });
    expect(early).toMatchObject({ ok: false, code: "too-fast", retryAfter: 20, message: "댓글은 30초에 한 번만 올릴 수 있습니다. 20초 뒤에 다시 올려주세요." });
    expect(await stored("둘")).toBe(0);
    // The same challenge still works once the interval has passed.
    expect(await post(form("둘", c.answer), { ipHash: v.ipHash, challengeId: c.id, now: at(clock + 30) })).toMatchObject({ ok: true });
  });

  it("refuses the same text twice in a row, from the same client or on the same article", async () => {
    const v = await visitor();
    expect(await post(form("광고 문구 그대로", v.answer), v)).toMatchObject({ ok: true });
    const c = await issueChallenge(db, v.ipHash, at(clock + 40));
    if (!c.ok) throw new Error("refused");
    const mine = await post({ ...form("광고  문구\n그대로", c.answer), articleId: String(otherArticleId) }, { ipHash: v.ipHash, challengeId: c.id, now: at(clock + 40) });
    expect(mine).toMatchObject({ ok: false, code: "duplicate", errors: { body: ["같은 내용의 댓글을 련이어 올릴 수 없습니다."] } });
    const w = await visitor(at(clock + 41));
    expect(await post(form("광고 문구 그대로", w.answer), w)).toMatchObject({ ok: false, code: "duplicate" });
    expect(await stored("광고 문구 그대로")).toBe(1);
  });

  it("refuses clients an editor has blocked", async () => {
    const v = await visitor();
    await sql(`INSERT INTO comment_ip_blocks (ip_hash, until) VALUES ($1, $2)`, [v.ipHash, at(clock + 3600).toISOString().replace("Z", "")]);
    expect(await post(form("차단된 사람", v.answer), v)).toMatchObject({ ok: false, code: "blocked" });
    expect(await stored("차단된 사람")).toBe(0);
  });

  it("stores markup as the characters typed", async () => {
    const v = await visitor();
    const body = `<script>alert("x")</script> <b>굵게</b> &amp;`;
    expect(await post(form(body, v.answer), v)).toMatchObject({ ok: true });
    expect(await stored(body)).toBe(1);
  });
});

describe("concurrent posts", () => {
  it("stores each of many simultaneous comments exactly once", async () => {
    const visitors = await Promise.all(Array.from({ length: 12 }, () => visitor()));
    const results = await Promise.all(visitors.map((v, i) => post(form(`동시 댓글 ${i}`, v.answer), v)));
    expect(results.every((r) => r.ok)).toBe(true);
    for (let i = 0; i < 12; i++) expect(await stored(`동시 댓글 ${i}`)).toBe(1);
    expect(new Set(results.map((r) => (r.ok ? r.commentId : 0))).size).toBe(12);
  });

  it("lets only one of several posts with the same challenge through", async () => {
    const v = await visitor();
    const results = await Promise.all(Array.from({ length: 6 }, async (_, i) => post(form(`같은 인증 ${i}`, v.answer), { ...v, ipHash: await clientIpHash(db, newIp()) })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "captcha-expired")).toBe(true);
  });

  it("lets only one of several simultaneous posts from one client through", async () => {
    const ipHash = await clientIpHash(db, newIp());
    // A returning client: its limits row exists already, so only the row lock can serialise.
    await sql(`INSERT INTO comment_client_limits (ip_hash, last_post_at) VALUES ($1, timestamp '2020-01-01')`, [ipHash]);
    const challenges = await Promise.all(Array.from({ length: 5 }, () => issueChallenge(db, ipHash, at(clock))));
    const results = await Promise.all(
      challenges.map((c, i) => (c.ok ? post(form(`폭주 ${i}`, c.answer), { ipHash, challengeId: c.id, now: at(clock) }) : Promise.reject(new Error("refused")))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "too-fast")).toHaveLength(4);
    expect(Number((await sql<{ n: string }>("SELECT count(*) AS n FROM comments WHERE ip_hash = $1", [ipHash]))[0].n)).toBe(1);
  });
});

describe("listing", () => {
  it("pages through visible comments newest first and leaves hidden ones out", async () => {
    const { id } = (await sql<{ id: number }>(`INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at)
      VALUES (1, '긴 토론', '요약', '<p>본문</p>', '해란강뉴스', 'PUBLISHED', now(), now()) RETURNING id`))[0];
    await sql(
      `INSERT INTO comments (article_id, nickname, body, ip_hash, created_at)
       SELECT $1, '독자' || n, '댓글 ' || n, 'x', timestamp '2026-01-01' + n * interval '1 minute' FROM generate_series(1, 45) n`,
      [id],
    );
    await sql(`UPDATE comments SET status = 'HIDDEN' WHERE article_id = $1 AND body IN ('댓글 45', '댓글 10')`, [id]);
    const p1 = await listComments(db, id, 1);
    expect(p1).toMatchObject({ total: 43, pages: 3, page: 1 });
    expect(p1!.items.map((c) => c.body).slice(0, 3)).toEqual(["댓글 44", "댓글 43", "댓글 42"]);
    expect(p1!.items[0]).toMatchObject({ nickname: "독자44", createdAt: "2026-01-01T00:44:00.000Z" });
    const p3 = await listComments(db, id, 3);
    expect(p3!.items.map((c) => c.body)).toEqual(["댓글 3", "댓글 2", "댓글 1"]);
    expect(await listComments(db, id, 4)).toBeNull();
    const all = [...p1!.items, ...(await listComments(db, id, 2))!.items, ...p3!.items].map((c) => c.body);
    expect(all).toHaveLength(43);
    expect(all).not.toContain("댓글 10");
  });

  it("gives an article without comments an empty first page", async () => {
    expect(await listComments(db, otherArticleId, 1)).toMatchObject({ total: 0, pages: 1, items: [] });
  });
});

describe("housekeeping", () => {
  it("sweeps long-expired challenges and idle clients, and nothing a limit still needs", async () => {
    const v = await visitor();
    expect(await post(form("청소 전 댓글", v.answer), v)).toMatchObject({ ok: true });
    const live = await visitor(at(clock + 60));
    const swept = await sweepStale(db, at(clock + 2 * 86400));
    expect(swept.challenges).toBeGreaterThan(0);
    expect(swept.clients).toBeGreaterThan(0);
    expect(await sql("SELECT 1 FROM captcha_challenges WHERE id = ANY($1)", [[v.challengeId, live.challengeId]])).toEqual([]);
    expect(await sql("SELECT 1 FROM comment_client_limits WHERE ip_hash = $1", [v.ipHash])).toEqual([]);
    expect(await stored("청소 전 댓글")).toBe(1); // comments stay, of course
    // A fresh challenge survives a sweep at the same moment.
    const fresh = await visitor(at(clock + 2 * 86400));
    await sweepStale(db, at(clock + 2 * 86400 + 60));
    expect(await sql("SELECT 1 FROM captcha_challenges WHERE id = $1", [fresh.challengeId])).toHaveLength(1);
  });
});

describe("the IP hash secret", () => {
  it("is generated once, kept in the database and shared by every process", async () => {
    const secret = await ipSecret(db);
    expect(secret.length).toBeGreaterThanOrEqual(40);
    const second = connect();
    try {
      expect(await ipSecret(second)).toBe(secret);
      expect(await clientIpHash(second, "203.0.113.5")).toBe(await clientIpHash(db, "203.0.113.5"));
    } finally {
      await second.$disconnect();
    }
    const rows = await sql<{ value: string }>("SELECT value FROM settings WHERE key = 'comment_ip_secret'");
    expect(rows).toEqual([{ value: secret }]);
    // No address is stored anywhere in clear.
    const leaked = await sql("SELECT 1 FROM comments WHERE ip_hash LIKE '198.51.%' UNION ALL SELECT 1 FROM captcha_challenges WHERE ip_hash LIKE '198.51.%'");
    expect(leaked).toEqual([]);
  });
});
