// The editor's optimistic lock against a real database: every save and autosave carries the
// article's version it was based on; a missing one is refused, a stale one is refused with
// 409 and changes nothing, two saves from one version cannot both win, and every other
// write of the row (publish, the scheduler's flip) moves the version on.
import { beforeAll, describe, expect, it } from "vitest";
import { adminFixture, type Fixture } from "./admin-fixtures";

let f: Fixture;
let run: typeof import("../../lib/actions/safe-action").runAction;
let save: typeof import("../../lib/actions/core/article-save");
let st: typeof import("../../lib/actions/core/article-status");
let due: typeof import("../../lib/actions/core/publish-due");

type Row = { title: string; subtitle: string | null; body: string; status: string; version: number };
const row = async (id: number) => (await f.sql<Row>("SELECT title, subtitle, body, status, version FROM articles WHERE id = $1", [id]))[0];
const revisionCount = async (id: number) => Number((await f.sql<{ n: string }>("SELECT count(*) AS n FROM article_revisions WHERE article_id = $1", [id]))[0].n);
const form = (o: Record<string, unknown> = {}) => ({ title: "연길 소식", sectionId: String(f.sections[0]), sourceName: "해란강뉴스", body: "<p>본문입니다.</p>", intent: "save", ...o });
const CONFLICT_TEXT = "다른 곳에서 이 기사가 먼저 저장되었습니다";

beforeAll(async () => {
  f = await adminFixture("int_article_save_versions");
  ({ runAction: run } = await import("../../lib/actions/safe-action"));
  save = await import("../../lib/actions/core/article-save");
  st = await import("../../lib/actions/core/article-status");
  due = await import("../../lib/actions/core/publish-due");
});

async function draft(actor = f.editor) {
  const r = await run(save.saveArticle, actor, form());
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data as { id: number; version: number };
}

describe("a save must say which version it was based on", () => {
  it("refuses a save or an autosave of a stored article without a version, and writes nothing", async () => {
    const { id } = await draft();
    const before = await row(id);
    for (const def of [save.saveArticle, save.autosaveArticle] as const) {
      for (const version of [undefined, ""]) {
        const r = await run(def as typeof save.saveArticle, f.editor, form({ id: String(id), version, title: "판 번호 없음" }));
        expect(r, `${def.name} version=${JSON.stringify(version)}`).toMatchObject({ ok: false, status: 400 });
        expect((r as { errors: Record<string, string[]> }).errors.version?.[0]).toMatch(/판 번호/);
      }
    }
    for (const intent of ["publish", "schedule", "submit"]) {
      expect(await run(save.saveArticle, f.editor, form({ id: String(id), intent, scheduledAt: "2099-01-01T10:00" }))).toMatchObject({ ok: false, status: 400 });
    }
    expect(await row(id)).toEqual(before);
    expect(await revisionCount(id)).toBe(1);
  });

  it("hands back the new version, and the next save based on it goes through", async () => {
    const { id, version } = await draft();
    expect(version).toBe((await row(id)).version);
    const r = await run(save.saveArticle, f.editor, form({ id: String(id), version: String(version), title: "둘째 판" }));
    expect(r).toMatchObject({ ok: true, data: { id, version: version + 1 } });
    const a = await run(save.autosaveArticle, f.editor, form({ id: String(id), version: String(version + 1), body: "<p>자동</p>" }));
    expect(a).toMatchObject({ ok: true, data: { version: version + 2 } });
    expect(await row(id)).toMatchObject({ title: "연길 소식", body: "<p>자동</p>", version: version + 2 });
  });
});

describe("a stale save is refused with 409 and the newer text stays", () => {
  it("an autosave based on the version before a publish cannot touch the published title and body", async () => {
    const { id, version } = await draft();
    const published = await run(save.saveArticle, f.editor, form({ id: String(id), version: String(version), title: "게시된 제목", body: "<p>게시된 본문</p>", intent: "publish" }));
    expect(published).toMatchObject({ ok: true });
    const revisions = await revisionCount(id);

    const r = await run(save.autosaveArticle, f.editor, form({ id: String(id), version: String(version), title: "옛 탭 제목", body: "<p>옛 탭 본문</p>" }));
    expect(r).toMatchObject({ ok: false, status: 409 });
    expect(r.ok ? "" : r.message).toContain(CONFLICT_TEXT);
    expect(await row(id)).toMatchObject({ status: "PUBLISHED", title: "게시된 제목", body: "<p>게시된 본문</p>" });
    expect(await revisionCount(id)).toBe(revisions); // not even an autosave revision from the stale tab
  });

  it("a stale autosave of a draft does not put back a subtitle another tab just saved", async () => {
    const { id, version } = await draft();
    expect(await run(save.saveArticle, f.editor, form({ id: String(id), version: String(version), subtitle: "탭 A의 부제목" }))).toMatchObject({ ok: true });
    const r = await run(save.autosaveArticle, f.editor, form({ id: String(id), version: String(version), body: "<p>탭 B가 쓰던 글</p>" }));
    expect(r).toMatchObject({ ok: false, status: 409 });
    expect(await row(id)).toMatchObject({ subtitle: "탭 A의 부제목", body: "<p>본문입니다.</p>" });
  });

  it("every status change that writes text checks the version too", async () => {
    for (const intent of ["publish", "schedule", "submit"]) {
      const { id, version } = await draft();
      await run(save.saveArticle, f.editor, form({ id: String(id), version: String(version), title: "먼저 저장" }));
      const r = await run(save.saveArticle, f.editor, form({ id: String(id), version: String(version), title: "늦은 탭", intent, scheduledAt: "2099-01-01T10:00" }));
      expect(r, intent).toMatchObject({ ok: false, status: 409 });
      expect(await row(id), intent).toMatchObject({ status: "DRAFT", title: "먼저 저장" });
      // Based on the version that is current, the same step goes through.
      const fresh = await run(save.saveArticle, f.editor, form({ id: String(id), version: String(version + 1), title: "새로 불러온 탭", intent, scheduledAt: "2099-01-01T10:00" }));
      expect(fresh, intent).toMatchObject({ ok: true, data: { version: version + 2 } });
      expect(await row(id), intent).toMatchObject({ status: { publish: "PUBLISHED", schedule: "SCHEDULED", submit: "PENDING" }[intent], title: "새로 불러온 탭" });
    }
  });

  it("of two parallel saves based on one version exactly one wins, and the row holds the winner's text", async () => {
    for (let round = 0; round < 5; round++) {
      const { id, version } = await draft();
      const titles = ["탭 A", "탭 B", "탭 C"];
      const results = await Promise.all(
        titles.map((title, i) =>
          i === 2
            ? run(save.autosaveArticle, f.editor, form({ id: String(id), version: String(version), title }))
            : run(save.saveArticle, f.editor, form({ id: String(id), version: String(version), title })),
        ),
      );
      const won = results.flatMap((r, i) => (r.ok ? [titles[i]] : []));
      expect(won, `round ${round}`).toHaveLength(1);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.status === 409)).toBe(true);
      expect(await row(id)).toMatchObject({ title: won[0], version: version + 1 });
    }
  });
});

describe("other writes move the version on", () => {
  it("the scheduler's publish bumps the version, so a tab opened before it is refused", async () => {
    const { id, version } = await draft();
    const s = await run(save.saveArticle, f.editor, form({ id: String(id), version: String(version), intent: "schedule", scheduledAt: "2099-03-01T09:00" }));
    expect(s).toMatchObject({ ok: true, data: { status: "SCHEDULED", version: version + 1 } });
    const flipped = await due.publishDue(new Date("2099-03-01T01:00:00Z"));
    expect(flipped.ids).toContain(id);
    expect(await row(id)).toMatchObject({ status: "PUBLISHED", version: version + 2 });
    const r = await run(save.autosaveArticle, f.editor, form({ id: String(id), version: String(version + 1), title: "예약 전 탭" }));
    expect(r).toMatchObject({ ok: false, status: 409 });
    expect((await row(id)).title).toBe("연길 소식");
  });

  it("unpublish, bin and the review buttons bump it as well", async () => {
    const { id, version } = await draft();
    await run(st.publishArticle, f.editor, { id: String(id) });
    expect((await row(id)).version).toBe(version + 1);
    await run(st.unpublishArticle, f.editor, { id: String(id) });
    expect((await row(id)).version).toBe(version + 2);
    await run(st.trashArticle, f.editor, { id: String(id) });
    await run(st.restoreArticle, f.editor, { id: String(id) });
    expect((await row(id)).version).toBe(version + 4);
    expect(await run(save.autosaveArticle, f.editor, form({ id: String(id), version: String(version), title: "옛 탭" }))).toMatchObject({ ok: false, status: 409 });
  });
});
