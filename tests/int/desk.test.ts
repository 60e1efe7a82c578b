// The editors' desk against a real database: a refused save says who saved first and can be
// kept as a revision, which is then offered when the article opens; a restore keeps the text
// it replaces; a send-back carries a note the reporter sees until they submit again; presence
// rows say who else has an article open and never pile up; decomposed Hangul is stored NFC
// and found by search.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminFixture, type Fixture } from "./admin-fixtures";
import type { Actor } from "../../lib/auth/roles";

let f: Fixture;
let run: typeof import("../../lib/actions/safe-action").runAction;
let save: typeof import("../../lib/actions/core/article-save");
let st: typeof import("../../lib/actions/core/article-status");
let desk: typeof import("../../lib/actions/core/desk");
let presence: typeof import("../../lib/actions/core/presence");
let data: typeof import("../../lib/data/desk");
let pool: pg.Pool;

type Row = { title: string; subtitle: string | null; body: string; status: string; version: number; send_back_id: number | null };
const row = async (id: number) => (await f.sql<Row>("SELECT title, subtitle, body, status, version, send_back_id FROM articles WHERE id = $1", [id]))[0];
type Rev = { id: number; kind: string; title: string; subtitle: string | null; body: string; note: string | null; created_by: number };
const revisions = (id: number) => f.sql<Rev>("SELECT id, kind::text, title, subtitle, body, note, created_by FROM article_revisions WHERE article_id = $1 ORDER BY created_at DESC, id DESC", [id]);
const form = (o: Record<string, unknown> = {}) => ({ title: "연길 소식", sectionId: String(f.sections[0]), sourceName: "해란강뉴스", body: "<p>본문입니다.</p>", intent: "save", ...o });

beforeAll(async () => {
  f = await adminFixture("int_desk");
  ({ runAction: run } = await import("../../lib/actions/safe-action"));
  save = await import("../../lib/actions/core/article-save");
  st = await import("../../lib/actions/core/article-status");
  desk = await import("../../lib/actions/core/desk");
  presence = await import("../../lib/actions/core/presence");
  data = await import("../../lib/data/desk");
  pool = new pg.Pool({ connectionString: f.url, max: 2 });
});
afterAll(async () => {
  await pool?.end();
});

async function draft(actor: Actor = f.editor, o: Record<string, unknown> = {}) {
  const r = await run(save.saveArticle, actor, form(o));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data as { id: number; version: number };
}
const article = async (id: number) => (await import("../../lib/data/admin-articles")).getArticleForEdit(id).then((a) => a!);

describe("a stale save says who saved first, and the refused text can be kept", () => {
  it("names the other editor and the time, and keeps the refused text as an autosave revision offered on opening", async () => {
    const { id, version } = await draft(f.reporter);
    expect(await run(save.saveArticle, f.editor, form({ id: String(id), version: String(version), subtitle: "편집자가 고친 부제목" }))).toMatchObject({ ok: true });

    const r = await run(save.autosaveArticle, f.reporter, form({ id: String(id), version: String(version), body: "<p>기자가 쓰던 문단</p>" }));
    expect(r).toMatchObject({ ok: false, status: 409 });
    const message = r.ok ? "" : r.message;
    expect(message).toContain("다른 곳에서 이 기사가 먼저 저장되었습니다");
    expect(message).toContain("리편집 님");
    expect(message).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await row(id)).toMatchObject({ subtitle: "편집자가 고친 부제목", body: "<p>본문입니다.</p>" });

    // Nothing offered yet: the stored article is the newest text.
    expect(await data.newerAutosave(await article(id))).toBeNull();

    const kept = await run(desk.keepAsRevision, f.reporter, form({ id: String(id), body: "<p>기자가 쓰던 문단</p>", subtitle: "" }));
    expect(kept).toMatchObject({ ok: true });
    expect(await row(id)).toMatchObject({ subtitle: "편집자가 고친 부제목", body: "<p>본문입니다.</p>" }); // the article is untouched
    const [top] = await revisions(id);
    expect(top).toMatchObject({ kind: "AUTOSAVE", body: "<p>기자가 쓰던 문단</p>", note: desk.KEPT_NOTE, created_by: f.reporter.id });

    const offer = await data.newerAutosave(await article(id));
    expect(offer).toMatchObject({ id: top.id, createdBy: { name: "김기자" } });
    const loaded = await data.autosaveOf(id, top.id);
    expect(loaded?.body).toBe("<p>기자가 쓰던 문단</p>");

    // "버리기": gone, and no longer offered. Another reporter may not discard it.
    expect(await run(desk.discardAutosave, f.reporter2, { revisionId: String(top.id) })).toMatchObject({ ok: false, status: 403 });
    expect(await run(desk.discardAutosave, f.reporter, { revisionId: String(top.id) })).toMatchObject({ ok: true });
    expect(await data.newerAutosave(await article(id))).toBeNull();
    expect(await run(desk.discardAutosave, f.reporter, { revisionId: String(top.id) })).toMatchObject({ ok: false, status: 404 });
  });

  it("offers a published article's newer autosave, but not one that says what the article says", async () => {
    const { id, version } = await draft(f.editor, { intent: "publish" });
    const a = await run(save.autosaveArticle, f.editor, form({ id: String(id), version: String(version), title: "게시 뒤 고치는 제목" }));
    expect(a).toMatchObject({ ok: true, data: { version } });
    const revisionId = (a as { data: { revisionId: number } }).data.revisionId;
    expect(revisionId).toBeGreaterThan(0);
    expect(await row(id)).toMatchObject({ title: "연길 소식" }); // readers still see the saved title
    expect(await data.newerAutosave(await article(id))).toMatchObject({ id: revisionId, createdBy: { name: "리편집" } });

    // The preview of the unsaved text shows the autosave; the article itself is unchanged.
    const p = await data.getRevisionPreview(id, revisionId);
    expect(p).toMatchObject({ title: "게시 뒤 고치는 제목", live: true });
    expect(await data.getRevisionPreview(id + 1000, revisionId)).toBeNull();

    // Saved by hand: the article is newer than the autosave, nothing to offer.
    expect(await run(save.saveArticle, f.editor, form({ id: String(id), version: String(version), title: "게시 뒤 고치는 제목" }))).toMatchObject({ ok: true });
    expect(await data.newerAutosave(await article(id))).toBeNull();
  });
});

describe("restoring a revision keeps the text it replaces", () => {
  it("a draft's autosaved text becomes a revision before the restore, and restoring it undoes the restore", async () => {
    const { id, version } = await draft(f.reporter, { title: "첫 제목", body: "<p>첫 본문</p>" });
    const first = (await revisions(id))[0];
    const auto = await run(save.autosaveArticle, f.reporter, form({ id: String(id), version: String(version), title: "자동저장된 제목", body: "<p>자동저장된 본문</p>" }));
    expect(auto).toMatchObject({ ok: true });
    expect(await revisions(id)).toHaveLength(1); // a draft's autosave writes the row only

    const r = await run(st.restoreRevision, f.reporter, { revisionId: String(first.id), version: String(version + 1) });
    expect(r).toMatchObject({ ok: true });
    expect(await row(id)).toMatchObject({ title: "첫 제목", body: "<p>첫 본문</p>" });
    const [restored, kept] = await revisions(id);
    expect(restored).toMatchObject({ kind: "RESTORE", title: "첫 제목" });
    expect(kept).toMatchObject({ kind: "SAVE", title: "자동저장된 제목", body: "<p>자동저장된 본문</p>" });
    expect(kept.note).toContain("되돌리기 전");

    const undo = await run(st.restoreRevision, f.reporter, { revisionId: String(kept.id), version: String(version + 2) });
    expect(undo).toMatchObject({ ok: true });
    expect(await row(id)).toMatchObject({ title: "자동저장된 제목", body: "<p>자동저장된 본문</p>" });
  });

  it("refuses a restore from a revisions page older than the last save, changing nothing", async () => {
    const { id, version } = await draft();
    const first = (await revisions(id))[0];
    expect(await run(save.saveArticle, f.editor, form({ id: String(id), version: String(version), title: "나중 제목" }))).toMatchObject({ ok: true });
    const before = await revisions(id);
    const r = await run(st.restoreRevision, f.editor, { revisionId: String(first.id), version: String(version) });
    expect(r).toMatchObject({ ok: false, status: 409 });
    expect(await row(id)).toMatchObject({ title: "나중 제목" });
    expect(await revisions(id)).toHaveLength(before.length);
  });
});

describe("send back to the reporter with a note", () => {
  async function pending() {
    const { id, version } = await draft(f.reporter, { intent: "submit" });
    expect(await row(id)).toMatchObject({ status: "PENDING" });
    return { id, version };
  }

  it("editors only, PENDING only, a note of 1 to 1000 characters", async () => {
    const { id, version } = await pending();
    const before = await row(id);
    expect(await run(desk.sendBackArticle, f.reporter, { id: String(id), note: "스스로 반려" })).toMatchObject({ ok: false, status: 403 });
    expect(await run(desk.sendBackArticle, f.reporter2, { id: String(id), note: "남의 기사" })).toMatchObject({ ok: false, status: 403 });
    expect(await run(desk.sendBackArticle, f.editor, { id: String(id), note: "   " })).toMatchObject({ ok: false, status: 400, errors: { note: ["반려 사유를 입력하세요."] } });
    expect(await run(desk.sendBackArticle, f.editor, { id: String(id), note: "가".repeat(1001) })).toMatchObject({ ok: false, status: 400 });
    expect(await run(desk.sendBackArticle, f.editor, { id: String(id), version: String(version - 1), note: "옛 화면" })).toMatchObject({ ok: false, status: 409 });
    expect(await run(desk.sendBackArticle, f.editor, { id: String(id + 100000), note: "없는 기사" })).toMatchObject({ ok: false, status: 404 });
    expect(await row(id)).toEqual(before);

    const { id: draftId } = await draft(f.reporter);
    expect(await run(desk.sendBackArticle, f.editor, { id: String(draftId), note: "초안" })).toMatchObject({ ok: false, status: 409 });
  });

  it("goes back to DRAFT with the note (who, when) until the reporter submits again; history keeps it", async () => {
    const { id, version } = await pending();
    const note = "첫 문단의 날짜를 확인해 주세요.\n<b>출처</b>도 적어 주세요.";
    // Typed decomposed, with the CRLF a textarea sends: stored NFC with plain line breaks.
    const typed = note.normalize("NFD").replace("\n", "\r\n");
    expect(await run(desk.sendBackArticle, f.editor, { id: String(id), version: String(version), note: typed })).toMatchObject({ ok: true });
    const a = await row(id);
    expect(a).toMatchObject({ status: "DRAFT", version: version + 1 });
    const shown = await data.sendBackNote(a.send_back_id);
    expect(shown).toMatchObject({ note, createdBy: { name: "리편집" } }); // stored as NFC, as typed (text, not markup)
    expect((await revisions(id))[0]).toMatchObject({ kind: "SEND_BACK", note });

    // The reporter may edit the draft again and submit: the note is cleared, history keeps it.
    expect(await run(save.saveArticle, f.reporter, form({ id: String(id), version: String(version + 1), title: "고친 제목", intent: "submit" }))).toMatchObject({ ok: true });
    expect(await row(id)).toMatchObject({ status: "PENDING", send_back_id: null, title: "고친 제목" });
    expect((await revisions(id)).some((r) => r.kind === "SEND_BACK" && r.note === note)).toBe(true);

    // The same through the status action (submitArticle).
    const again = await row(id);
    expect(await run(desk.sendBackArticle, f.admin, { id: String(id), version: String(again.version), note: "다시 한 번" })).toMatchObject({ ok: true });
    expect((await row(id)).send_back_id).not.toBeNull();
    expect(await run(st.submitArticle, f.reporter, { id: String(id) })).toMatchObject({ ok: true });
    expect(await row(id)).toMatchObject({ status: "PENDING", send_back_id: null });
  });
});

describe("presence: who else has the article open", () => {
  it("tells each tab about the others, the same person's other tab as their own, and forgets a tab that left", async () => {
    const { id } = await draft();
    const beat = (actor: Actor, tabId: string) => run(presence.heartbeat, actor, { articleId: String(id), tabId });
    expect(await beat(f.editor, "tab-editor-1")).toMatchObject({ ok: true, data: [] });
    expect(await beat(f.reporter, "tab-reporter-1")).toMatchObject({ ok: true, data: [{ name: "리편집", self: false }] });
    const third = await beat(f.editor, "tab-editor-2");
    expect(third).toMatchObject({ ok: true });
    const seen = (third as { data: { name: string; self: boolean; lastSeen: string }[] }).data;
    expect(seen.map((e) => [e.name, e.self]).sort()).toEqual([
      ["김기자", false],
      ["리편집", true],
    ]);
    expect(seen[0].lastSeen).toMatch(/^\d{2}:\d{2}$/);

    // A page's first render does not know its tab yet: it leaves out the asker's own rows
    // (one may be this very tab before a reload) and names the others.
    expect((await presence.othersEditing(id, { userId: f.editor.id, tabId: null })).map((e) => e.name)).toEqual(["김기자"]);

    // The page left (the beacon's action): the reporter's tab is gone for everyone at once.
    expect(await run(presence.leave, f.reporter, { articleId: String(id), tabId: "tab-reporter-1" })).toMatchObject({ ok: true });
    expect(await beat(f.editor, "tab-editor-1")).toMatchObject({ ok: true, data: [{ name: "리편집", self: true }] });
  });

  it("ignores and purges rows older than a few minutes, so the table cannot grow", async () => {
    const { id } = await draft();
    const old = new Date(Date.now() - presence.PRESENCE_TTL_MS - 60_000);
    await f.sql(`INSERT INTO article_presence (article_id, user_id, tab_id, seen_at) SELECT $1, $2, 'gone-' || g, $3 FROM generate_series(1, 50) g`, [id, f.reporter2.id, old]);
    const r = await run(presence.heartbeat, f.editor, { articleId: String(id), tabId: "tab-fresh-1" });
    expect(r).toMatchObject({ ok: true, data: [] }); // the stale tabs are not "editing"
    const left = await f.sql<{ n: string }>("SELECT count(*) AS n FROM article_presence WHERE seen_at < $1", [new Date(Date.now() - presence.PRESENCE_TTL_MS)]);
    expect(Number(left[0].n)).toBe(0);
  });

  it("staff only, a real article, a well-formed tab id", async () => {
    const { id } = await draft();
    expect(await run(presence.heartbeat, null, { articleId: String(id), tabId: "tab-anon-1" })).toMatchObject({ ok: false, status: 401 });
    expect(await run(presence.heartbeat, f.editor, { articleId: String(id + 100000), tabId: "tab-editor-9" })).toMatchObject({ ok: false, status: 404 });
    expect(await run(presence.heartbeat, f.editor, { articleId: String(id), tabId: "<script>" })).toMatchObject({ ok: false, status: 400 });
    expect(await run(presence.heartbeat, f.editor, { articleId: "abc", tabId: "tab-editor-9" })).toMatchObject({ ok: false, status: 400 });
  });
});

describe("NFC on save", () => {
  it("a title and body typed decomposed are stored composed, in the revision too, and search finds them", async () => {
    const title = "두만강 한글날 잔치";
    const body = "<p>연길에서 한글날 잔치가 열렸다.</p>";
    const { id } = await draft(f.editor, { title: title.normalize("NFD"), body: body.normalize("NFD"), subtitle: "부제목 한글".normalize("NFD"), intent: "publish" });
    expect(await row(id)).toMatchObject({ title, body, subtitle: "부제목 한글" });
    expect((await revisions(id))[0]).toMatchObject({ title, body });

    const { findArticles, pgRunner } = await import("../../lib/search/sql");
    const { parseQuery } = await import("../../lib/search/query");
    const hits = await findArticles(pgRunner(pool), parseQuery("한글날 잔치"), { page: 1, pageSize: 10, sectionId: null });
    expect(hits.ids).toContain(id);
  });

  it("section names are stored NFC", async () => {
    const sections = await import("../../lib/actions/core/sections");
    const def = Object.values(sections).find((d) => typeof d === "object" && d && "name" in d && (d as { name: string }).name === "createSection");
    expect(def, "createSection definition").toBeTruthy();
    const r = await run(def as never, f.admin, { name: "한글 교육".normalize("NFD"), slug: "hangul-edu" });
    expect(r).toMatchObject({ ok: true });
    const [s] = await f.sql<{ name: string }>("SELECT name FROM sections WHERE slug = 'hangul-edu'");
    expect(s.name).toBe("한글 교육");
  });
});
