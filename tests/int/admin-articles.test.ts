// The newsroom's article workflow against a real database: who may edit what, the exact
// cache tags each change revalidates, the body allowlist on the way in, revisions,
// autosave, the bin, and scheduled publishing (the due query and the in-process timer).
import { beforeAll, describe, expect, it } from "vitest";
import { adminFixture, insertArticle, type Fixture } from "./admin-fixtures";

let f: Fixture;
let run: typeof import("../../lib/actions/safe-action").runAction;
let save: typeof import("../../lib/actions/core/article-save");
let st: typeof import("../../lib/actions/core/article-status");
let due: typeof import("../../lib/actions/core/publish-due");

const chinaIn = (ms: number) => new Date(Date.now() + ms + 8 * 3600_000).toISOString().slice(0, 16);
const row = async (id: number) =>
  (await f.sql<{ status: string; section_id: number; body: string; excerpt: string; deleted_at: Date | null; published_at: Date | null; author_id: number; title: string }>(
    "SELECT * FROM articles WHERE id = $1",
    [id],
  ))[0];
const counter = async (sectionId: number) => (await f.sql<{ published: number }>("SELECT published FROM article_counters WHERE section_id = $1", [sectionId]))[0]?.published ?? 0;
const revisions = async (id: number) => f.sql<{ kind: string; body: string; title: string }>("SELECT kind, body, title FROM article_revisions WHERE article_id = $1 ORDER BY id", [id]);
const form = (o: Record<string, unknown> = {}) => ({ title: "연길 소식", sectionId: String(f.sections[0]), sourceName: "해란강뉴스", body: "<p>본문입니다.</p>", intent: "save", ...o });
const version = async (id: number) => (await f.sql<{ version: number }>("SELECT version FROM articles WHERE id = $1", [id]))[0].version;
/** The form of an open editor: the article's current version, as the page loaded it. */
const edit = async (id: number, o: Record<string, unknown> = {}) => form({ id: String(id), version: String(await version(id)), ...o });
const publicTags = (id: number, ...sections: number[]) => [`article:${id}`, ...sections.map((s) => `section:${s}`), "archive", "home", "feeds"];

beforeAll(async () => {
  f = await adminFixture("int_admin_articles");
  ({ runAction: run } = await import("../../lib/actions/safe-action"));
  save = await import("../../lib/actions/core/article-save");
  st = await import("../../lib/actions/core/article-status");
  due = await import("../../lib/actions/core/publish-due");
});

async function create(actor = f.reporter, o: Record<string, unknown> = {}) {
  const r = await run(save.saveArticle, actor, form(o));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return (r.data as { id: number }).id;
}

describe("writing as a reporter", () => {
  it("creates a draft of one's own, keeps a revision, and revalidates nothing public", async () => {
    const r = await run(save.saveArticle, f.reporter, form());
    expect(r).toMatchObject({ ok: true, tags: [] });
    const id = (r as { data: { id: number } }).data.id;
    expect(await row(id)).toMatchObject({ status: "DRAFT", author_id: f.reporter.id });
    expect((await revisions(id)).map((x) => x.kind)).toEqual(["SAVE"]);
  });

  it("submits for review but cannot publish, schedule, or touch another's draft", async () => {
    const id = await create();
    expect(await run(save.saveArticle, f.reporter, await edit(id, { intent: "submit" }))).toMatchObject({ ok: true });
    expect((await row(id)).status).toBe("PENDING");
    expect(await run(save.saveArticle, f.reporter, await edit(id, { intent: "publish" }))).toMatchObject({ ok: false, status: 403 });
    expect(await run(st.publishArticle, f.reporter, { id: String(id) })).toMatchObject({ ok: false, status: 403 });
    expect((await row(id)).status).toBe("PENDING");

    const other = await create(f.reporter2);
    expect(await run(save.saveArticle, f.reporter, await edit(other, { title: "남의 기사" }))).toMatchObject({ ok: false, status: 403 });
    expect(await run(st.trashArticle, f.reporter, { id: String(other) })).toMatchObject({ ok: false, status: 403 });
    expect((await row(other)).title).toBe("연길 소식");
  });

  it("cannot edit one's own article once it is published", async () => {
    const id = await create();
    await run(st.publishArticle, f.editor, { id: String(id) });
    expect(await run(save.saveArticle, f.reporter, await edit(id, { title: "몰래 고침" }))).toMatchObject({ ok: false, status: 403 });
    expect(await run(save.autosaveArticle, f.reporter, await edit(id, { title: "몰래 고침" }))).toMatchObject({ ok: false, status: 403 });
    expect((await row(id)).title).toBe("연길 소식");
  });
});

describe("publishing revalidates exactly the places a reader sees", () => {
  it("publish: the article, its section, home, archive and feeds; counters follow", async () => {
    const [s1] = f.sections;
    const before = await counter(0);
    const id = await create();
    const r = await run(st.publishArticle, f.editor, { id: String(id) });
    expect(r).toMatchObject({ ok: true });
    expect((r as { tags: string[] }).tags).toEqual(publicTags(id, s1));
    expect(await row(id)).toMatchObject({ status: "PUBLISHED" });
    expect(await counter(0)).toBe(before + 1);
  });

  it("moving a published article to another section revalidates the old section too", async () => {
    const [s1, s2] = f.sections;
    const id = await create(f.editor, { intent: "publish" });
    const r = await run(save.saveArticle, f.editor, await edit(id, { sectionId: String(s2) }));
    expect((r as { tags: string[] }).tags).toEqual(publicTags(id, s1, s2));
    expect((await row(id)).section_id).toBe(s2);
  });

  it("unpublishing and binning revalidate the places it leaves; drafts revalidate nothing", async () => {
    const [s1] = f.sections;
    const id = await create(f.editor, { intent: "publish" });
    expect((await run(st.unpublishArticle, f.editor, { id: String(id) })) as { tags: string[] }).toMatchObject({ ok: true, tags: publicTags(id, s1) });
    expect((await row(id)).status).toBe("DRAFT");
    expect(await run(save.saveArticle, f.editor, await edit(id, { title: "초안 고침" }))).toMatchObject({ ok: true, tags: [] });

    const live = await create(f.editor, { intent: "publish" });
    const before = await counter(s1);
    expect(await run(st.trashArticle, f.editor, { id: String(live) })).toMatchObject({ ok: true, tags: publicTags(live, s1) });
    expect(await counter(s1)).toBe(before - 1);
  });

  it("the bin: restore brings a draft back (not straight to readers); purge only from the bin", async () => {
    const id = await create(f.editor, { intent: "publish" });
    expect(await run(st.purgeArticle, f.editor, { id: String(id) })).toMatchObject({ ok: false, status: 409 });
    await run(st.trashArticle, f.editor, { id: String(id) });
    expect(await run(save.saveArticle, f.editor, await edit(id))).toMatchObject({ ok: false, status: 409 });
    expect(await run(st.restoreArticle, f.editor, { id: String(id) })).toMatchObject({ ok: true, tags: [] });
    expect(await row(id)).toMatchObject({ status: "DRAFT", deleted_at: null });
    await run(st.trashArticle, f.editor, { id: String(id) });
    expect(await run(st.purgeArticle, f.editor, { id: String(id) })).toMatchObject({ ok: true });
    expect(await row(id)).toBeUndefined();
  });

  it("a stale form (someone saved in between) is refused, not silently overwritten", async () => {
    const id = await create(f.editor);
    const v = String(await version(id));
    expect(await run(save.saveArticle, f.editor, form({ id: String(id), version: v, title: "첫째" }))).toMatchObject({ ok: true });
    expect(await run(save.saveArticle, f.editor, form({ id: String(id), version: v, title: "둘째" }))).toMatchObject({ ok: false, status: 409 });
    expect((await row(id)).title).toBe("첫째");
  });
});

describe("the body is cleaned with the allowlist before it is stored", () => {
  it("drops scripts, event handlers, javascript: links and foreign images; keeps the article's structure", async () => {
    const dirty = [
      `<h2>소제목</h2><p onclick="steal()">문단 <script>alert(1)</script><b>굵게</b></p>`,
      `<p><a href="javascript:alert(1)">나쁜 링크</a> <a href=" JaVaScRiPt:alert(2)">둘</a> <a href="https://example.com/a">좋은 링크</a></p>`,
      `<blockquote>인용</blockquote><ul><li>하나</li></ul><ol><li>둘</li></ol>`,
      `<figure><img src="https://evil.example/x.png" onerror="x()"><img src="/media/uploads/a.jpg" onerror="x()" alt="사진"><figcaption>설명</figcaption></figure>`,
      `<iframe src="https://evil.example"></iframe><style>body{}</style><svg onload="x()"></svg>`,
    ].join("");
    const id = await create(f.editor, { body: dirty });
    const { body } = await row(id);
    expect(body).not.toMatch(/script|onclick|onerror|onload|javascript:|iframe|style|svg|evil/i);
    expect(body).toContain("<h2>소제목</h2>");
    expect(body).toContain("<strong>굵게</strong>");
    expect(body).toContain('<a href="https://example.com/a" rel="noopener nofollow">좋은 링크</a>');
    expect(body).toContain("나쁜 링크"); // the text of a refused link stays
    expect(body).toMatch(/<img src="\/media\/uploads\/a\.jpg" alt="사진"[^>]*loading="lazy"/);
    expect(body).toContain("<figcaption>설명</figcaption>");
    // The revision holds the same cleaned body.
    expect((await revisions(id)).at(-1)!.body).toBe(body);
  });

  it("generates the excerpt from the body when left empty, keeps a written one", async () => {
    const id = await create(f.editor, { body: "<p>연길시 공원에 꽃이 피였다.</p><figure><img src=\"/media/x/a.jpg\"><figcaption>사진 설명</figcaption></figure>" });
    expect((await row(id)).excerpt).toBe("연길시 공원에 꽃이 피였다.");
    const id2 = await create(f.editor, { excerpt: "손으로 쓴 요약" });
    expect((await row(id2)).excerpt).toBe("손으로 쓴 요약");
  });
});

describe("revisions and autosave", () => {
  it("each save keeps a revision and an editor can restore an earlier one", async () => {
    const id = await create(f.editor, { body: "<p>첫 판</p>", intent: "publish" });
    await run(save.saveArticle, f.editor, await edit(id, { body: "<p>둘째 판</p>" }));
    const revs = await f.sql<{ id: number; body: string }>("SELECT id, body FROM article_revisions WHERE article_id = $1 ORDER BY id", [id]);
    expect(revs.map((r) => r.body)).toEqual(["<p>첫 판</p>", "<p>둘째 판</p>"]);
    const r = await run(st.restoreRevision, f.editor, { revisionId: String(revs[0].id) });
    expect(r).toMatchObject({ ok: true, tags: publicTags(id, f.sections[0]) });
    expect((await row(id)).body).toBe("<p>첫 판</p>");
    // The text the restore replaced is kept first (a SAVE), so the restore itself can be undone.
    expect((await revisions(id)).map((x) => x.kind)).toEqual(["PUBLISH", "SAVE", "SAVE", "RESTORE"]);
  });

  it("autosave updates a draft in place but never changes a published article behind the editor's back", async () => {
    const draft = await create(f.reporter);
    expect(await run(save.autosaveArticle, f.reporter, await edit(draft, { body: "<p>자동저장 본문</p>" }))).toMatchObject({ ok: true, tags: [] });
    expect((await row(draft)).body).toBe("<p>자동저장 본문</p>");

    const live = await create(f.editor, { intent: "publish" });
    for (const text of ["하나", "둘"]) {
      expect(await run(save.autosaveArticle, f.editor, await edit(live, { body: `<p>${text}</p>` }))).toMatchObject({ ok: true, tags: [] });
    }
    expect((await row(live)).body).toBe("<p>본문입니다.</p>");
    const autos = (await revisions(live)).filter((x) => x.kind === "AUTOSAVE");
    expect(autos.map((a) => a.body)).toEqual(["<p>둘</p>"]); // coalesced into one
  });

  it("autosave of a brand-new article creates the draft (so later saves update it)", async () => {
    const r = await run(save.autosaveArticle, f.reporter, { title: "", body: "<p>쓰기 시작</p>", sectionId: "0", sourceName: "" });
    expect(r).toMatchObject({ ok: true });
    const id = (r as { data: { id: number } }).data.id;
    expect(await row(id)).toMatchObject({ status: "DRAFT", author_id: f.reporter.id, body: "<p>쓰기 시작</p>" });
  });
});

describe("scheduling", () => {
  it("refuses a time in the past or a malformed one, in China time", async () => {
    const id = await create(f.editor);
    for (const t of [chinaIn(-60_000), "2026-02-30T10:00", "내일"]) {
      const r = await run(st.scheduleArticle, f.editor, { id: String(id), scheduledAt: t });
      expect(r, t).toMatchObject({ ok: false, status: 400 });
      expect((r as { errors: Record<string, string[]> }).errors.scheduledAt?.[0]).toBeTruthy();
    }
    expect((await row(id)).status).toBe("DRAFT");
  });

  it("stores the entered China time as the publication time and flips it when due", async () => {
    const id = await create(f.editor);
    const r = await run(st.scheduleArticle, f.editor, { id: String(id), scheduledAt: "2099-10-28T12:04" });
    expect(r).toMatchObject({ ok: true, tags: [], rearm: true });
    expect((await row(id)).published_at!.toISOString()).toBe("2099-10-28T04:04:00.000Z");
    expect(r.ok && r.message).toContain("2099-10-28 12:04");

    expect((await due.publishDue(new Date("2099-10-28T04:03:59Z"))).ids).not.toContain(id);
    const binned = await create(f.editor);
    await run(st.scheduleArticle, f.editor, { id: String(binned), scheduledAt: "2099-10-28T12:00" });
    await run(st.trashArticle, f.editor, { id: String(binned) });
    const flipped = await due.publishDue(new Date("2099-10-28T04:04:00Z"));
    expect(flipped.ids).toEqual([id]);
    expect(flipped.tags).toEqual(publicTags(id, f.sections[0]));
    expect((await row(id)).status).toBe("PUBLISHED");
    expect((await row(binned)).status).toBe("SCHEDULED");
    expect((await due.publishDue(new Date("2099-10-29T00:00:00Z"))).ids).toEqual([]);
  });

  it("the in-process timer fires at the due time without cron or restart", async () => {
    const sched = await import("../../lib/scheduler");
    const fired: { at: number; ids: number[] }[] = [];
    sched.setSchedulerTrigger(async () => {
      const at = Date.now();
      fired.push({ at, ids: (await due.publishDue()).ids });
    });
    const id = await create(f.editor);
    // Scheduled 2 s ahead (the form's minute precision is bypassed: the timer is what is tested).
    const at = new Date(Date.now() + 2000);
    await f.sql("UPDATE articles SET status = 'SCHEDULED', published_at = $2 WHERE id = $1", [id, at]);
    expect(await sched.armScheduler()).toBe(at.getTime());
    expect(sched.schedulerState().armed).toBe(true);
    // Order and outcome, not speed (a busy machine may fire it late): it publishes by itself,
    // and the run that published it began no sooner than its time. (Polling the row and
    // comparing the poll's clock would race: a poll sent just before the time can be
    // answered just after it.)
    await expect.poll(async () => (await row(id)).status, { timeout: 30_000, interval: 50 }).toBe("PUBLISHED");
    const publishing = fired.find((r) => r.ids.includes(id));
    expect(publishing, "published by the timer").toBeDefined();
    expect(publishing!.at).toBeGreaterThanOrEqual(at.getTime());
    sched.stopScheduler();
  });
});
