// Comment moderation against a real database: finding comments by article (number or title
// words), nickname and typed address (hashed as the post path hashes it), bulk hide/show,
// blocks with reasons (from a comment or a typed address), and the banned-words list refusing
// new comments before anything is written.
import { beforeAll, describe, expect, it } from "vitest";
import { adminFixture, insertArticle, type Fixture } from "./admin-fixtures";
import type { CommentQuery } from "@/lib/validations/moderation";

let f: Fixture;
let run: typeof import("../../lib/actions/safe-action").runAction;
let cm: typeof import("../../lib/actions/core/comments");
let mod: typeof import("../../lib/data/moderation");
let ipHash: typeof import("../../lib/comments/ip-hash");
let db: typeof import("../../lib/db").db;

beforeAll(async () => {
  f = await adminFixture("int_desk_moderation");
  ({ runAction: run } = await import("../../lib/actions/safe-action"));
  cm = await import("../../lib/actions/core/comments");
  mod = await import("../../lib/data/moderation");
  ipHash = await import("../../lib/comments/ip-hash");
  ({ db } = await import("../../lib/db"));
});

async function comment(articleId: number, nickname: string, ip: string, body = `${nickname}의 댓글`) {
  const h = await ipHash.clientIpHash(db, ip);
  const [r] = await f.sql<{ id: number }>(`INSERT INTO comments (article_id, nickname, body, ip_hash) VALUES ($1, $2, $3, $4) RETURNING id`, [articleId, nickname, body, h]);
  return r.id;
}
const find = async (q: CommentQuery) => (await mod.listAllComments(q)).rows.map((r) => r.id).sort((a, b) => a - b);
const status = async (id: number) => (await f.sql<{ status: string }>("SELECT status FROM comments WHERE id = $1", [id]))[0]?.status;

describe("finding comments", () => {
  let a: number, b: number, c1: number, c2: number, c3: number, c4: number;
  beforeAll(async () => {
    a = await insertArticle(f, { title: "연길 로인협회 소식" });
    b = await insertArticle(f, { title: "훈춘 시장 이야기" });
    c1 = await comment(a, "연길독자", "203.0.113.7");
    c2 = await comment(a, "룡정사람", "198.51.100.20");
    c3 = await comment(b, "연길독자", "203.0.113.7");
    c4 = await comment(b, "익명", "2001:db8:abcd:12::1");
  });

  it("by article number or by words of its title, in either spelling", async () => {
    expect(await find({ article: String(a) })).toEqual([c1, c2]);
    expect(await find({ article: "노인협회" })).toEqual([c1, c2]);
    expect(await find({ article: "훈춘 시장" })).toEqual([c3, c4]);
    expect(await find({ article: "훈춘 로인" })).toEqual([]);
  });

  it("by nickname", async () => {
    expect(await find({ nickname: "연길독자" })).toEqual([c1, c3]);
    expect(await find({ nickname: "연길독자", article: String(b) })).toEqual([c3]);
  });

  it("by the address typed by the admin, hashed the same way (IPv6 by its /64)", async () => {
    expect(await find({ ip: "203.0.113.7" })).toEqual([c1, c3]);
    expect(await find({ ip: "198.51.100.20" })).toEqual([c2]);
    expect(await find({ ip: "2001:db8:abcd:12::ffff" })).toEqual([c4]);
    expect(await find({ ip: "192.0.2.1" })).toEqual([]);
    const { parseCommentQuery } = await import("@/lib/validations/moderation");
    const bad = parseCommentQuery({ ip: "not an address" });
    expect(bad).toMatchObject({ ipInvalid: true });
    expect(await find(bad)).toEqual([]);
    expect(parseCommentQuery({ ip: " 2001:DB8:ABCD:12::1 " })).toMatchObject({ ip: "2001:db8:abcd:12::1", ipInvalid: false });
  });

  it("pages by keyset, newest first, and back", async () => {
    const art = await insertArticle(f, { title: "페지 넘기기" });
    const made: number[] = [];
    for (let i = 0; i < 5; i++) made.push(await comment(art, `p${i}`, "192.0.2.50"));
    const p1 = await mod.listAllComments({ article: String(art) }, 2);
    expect(p1.rows.map((r) => r.id)).toEqual([made[4], made[3]]);
    expect(p1.total).toBe(5);
    const cur = (s: string) => ({ t: Number(s.split("_")[0]), id: Number(s.split("_")[1]) });
    const p2 = await mod.listAllComments({ article: String(art), after: cur(p1.next!) }, 2);
    expect(p2.rows.map((r) => r.id)).toEqual([made[2], made[1]]);
    const p3 = await mod.listAllComments({ article: String(art), after: cur(p2.next!) }, 2);
    expect(p3.rows.map((r) => r.id)).toEqual([made[0]]);
    expect(p3.next).toBeUndefined();
    const back = await mod.listAllComments({ article: String(art), before: cur(p3.prev!) }, 2);
    expect(back.rows.map((r) => r.id)).toEqual([made[2], made[1]]);
  });
});

describe("bulk hide and show", () => {
  it("changes the ticked comments, revalidates their articles, and says how many", async () => {
    const a = await insertArticle(f);
    const b = await insertArticle(f);
    const [x, y, z] = [await comment(a, "x", "192.0.2.9"), await comment(a, "y", "192.0.2.9"), await comment(b, "z", "192.0.2.9")];
    await f.sql("UPDATE comments SET status = 'HIDDEN' WHERE id = $1", [y]);
    const r = await run(cm.bulkComments, f.editor, { op: "hide", ids: [String(x), String(y), String(z), "99999999"] });
    expect(r).toMatchObject({ ok: true, message: "2개 숨김, 1개 그대로, 1개 찾을 수 없음" });
    expect((r as { tags: string[] }).tags.sort()).toEqual([`article:${a}`, `article:${b}`, `comments:${a}`, `comments:${b}`].sort());
    expect([await status(x), await status(y), await status(z)]).toEqual(["HIDDEN", "HIDDEN", "HIDDEN"]);
    expect((await f.sql<{ comment_count: number }>("SELECT comment_count FROM articles WHERE id = $1", [a]))[0].comment_count).toBe(0);
    expect(await run(cm.bulkComments, f.editor, { op: "show", ids: String(x) })).toMatchObject({ ok: true, message: "1개 다시 보임" });
    expect(await status(x)).toBe("VISIBLE");
  });

  it("is for editors only and refuses malformed input", async () => {
    const a = await insertArticle(f);
    const x = await comment(a, "x", "192.0.2.10");
    expect(await run(cm.bulkComments, f.reporter, { op: "hide", ids: String(x) })).toMatchObject({ ok: false, status: 403 });
    expect(await run(cm.bulkComments, f.editor, { op: "hide" })).toMatchObject({ ok: false, status: 400 });
    expect(await run(cm.bulkComments, f.editor, { op: "nuke", ids: String(x) })).toMatchObject({ ok: false, status: 400 });
    expect(await status(x)).toBe("VISIBLE");
  });
});

describe("blocks with a reason", () => {
  it("blocks a typed address with a listed reason and a note; the block is listed with who and until when", async () => {
    const a = await insertArticle(f);
    const x = await comment(a, "광고꾼", "203.0.113.99");
    const r = await run(cm.blockAddress, f.editor, { ip: "203.0.113.99", reasonCode: "spam", reason: "대출 광고", days: "30", hideAll: "on" });
    expect(r).toMatchObject({ ok: true });
    expect(await status(x)).toBe("HIDDEN");
    const h = await ipHash.clientIpHash(db, "203.0.113.99");
    expect(await mod.isIpHashBlocked(h)).toBe(true);
    const listed = (await mod.activeBlocks()).find((b) => b.ipHash === h);
    expect(listed).toMatchObject({ reason: "광고/스팸: 대출 광고", createdBy: { name: f.editor.name } });
    expect(listed!.until.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });

  it("refuses a bad address, an unknown reason, and '기타' without a note, changing nothing", async () => {
    const before = await f.sql("SELECT count(*) FROM comment_ip_blocks");
    expect(await run(cm.blockAddress, f.editor, { ip: "999.1.1.1", reasonCode: "spam", days: "7" })).toMatchObject({ ok: false, status: 400, errors: { ip: [expect.stringContaining("IP 주소")] } });
    expect(await run(cm.blockAddress, f.editor, { ip: "192.0.2.1", reasonCode: "whatever", days: "7" })).toMatchObject({ ok: false, status: 400, errors: { reasonCode: ["차단 사유를 고르세요."] } });
    expect(await run(cm.blockAddress, f.editor, { ip: "192.0.2.1", reasonCode: "other", days: "7" })).toMatchObject({ ok: false, status: 400, errors: { reason: ["'기타'를 고르면 사유를 써 주세요."] } });
    expect(await run(cm.blockAddress, f.reporter, { ip: "192.0.2.1", reasonCode: "abuse", days: "7" })).toMatchObject({ ok: false, status: 403 });
    expect(await f.sql("SELECT count(*) FROM comment_ip_blocks")).toEqual(before);
  });
});

describe("banned words", () => {
  let post: typeof import("../../lib/comments/post").submitComment;
  let issue: typeof import("../../lib/captcha/challenge").issueChallenge;
  let article: number;
  let n = 0;
  beforeAll(async () => {
    ({ submitComment: post } = await import("../../lib/comments/post"));
    ({ issueChallenge: issue } = await import("../../lib/captcha/challenge"));
    article = await insertArticle(f, { title: "금지어 시험" });
  });
  async function attempt(body: string, nickname = "독자", bannedWords?: string[]) {
    const ip = `192.0.2.${100 + ++n}`;
    const h = await ipHash.clientIpHash(db, ip);
    const c = await issue(db, h, new Date());
    if (!c.ok) throw new Error("no challenge");
    return post(db, { articleId: String(article), nickname, body, captcha: c.answer }, { ipHash: h, challengeId: c.id, bannedWords });
  }
  const count = async () => Number((await f.sql<{ n: string }>("SELECT count(*) AS n FROM comments WHERE article_id = $1", [article]))[0].n);

  it("an editor saves the list; it is stored once, cleaned, and revalidates its cache tag", async () => {
    const r = await run(cm.saveBannedWords, f.editor, { words: "바보, 광고문의\n바 보\n  " });
    expect(r).toMatchObject({ ok: true, tags: ["banned-words"], message: "금지어 2개를 저장했습니다." });
    const { bannedWordsText } = await import("../../lib/data/banned-words");
    expect(await bannedWordsText()).toBe("바보, 광고문의");
    expect(await run(cm.saveBannedWords, f.reporter, { words: "x" })).toMatchObject({ ok: false, status: 403 });
    expect(await run(cm.saveBannedWords, f.editor, { words: "가".repeat(31) })).toMatchObject({ ok: false, status: 400 });
    expect(await bannedWordsText()).toBe("바보, 광고문의");
  });

  it("refuses a new comment with a banned word, spaced out or in NFD, naming the word and writing nothing", async () => {
    const words = ["바보", "광고문의"];
    const before = await count();
    const limits = await f.sql("SELECT count(*) FROM comment_client_limits");
    for (const body of ["이 바보야", "바 보 같은 소리", "바.보", `그런 ${"바보".normalize("NFD")}`, "광고 문의: 010"]) {
      const r = await attempt(body, "독자", words);
      expect(r, body).toMatchObject({ ok: false, code: "banned", freshCaptcha: false });
      expect(r.ok === false && r.errors.body?.[0]).toMatch(/^'(바보|광고문의)'는 쓸 수 없는 낱말입니다\.$/);
    }
    const nick = await attempt("좋은 글입니다", "바보", words);
    expect(nick).toMatchObject({ ok: false, code: "banned", errors: { nickname: ["'바보'는 쓸 수 없는 낱말입니다."] } });
    expect(await count()).toBe(before);
    // Nothing was written for the refused posts: no interval started, no captcha spent.
    expect(await f.sql("SELECT count(*) FROM comment_client_limits")).toEqual(limits);
    expect(await attempt("바다가 보이는 집", "독자", words)).toMatchObject({ ok: true });
    expect(await count()).toBe(before + 1);
  });
});
