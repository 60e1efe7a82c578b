// Comment moderation, sections and accounts, as the newsroom uses them.
import { beforeAll, describe, expect, it } from "vitest";
import { adminFixture, insertArticle, type Fixture } from "./admin-fixtures";

let f: Fixture;
let run: typeof import("../../lib/actions/safe-action").runAction;
let cm: typeof import("../../lib/actions/core/comments");
let se: typeof import("../../lib/actions/core/sections");
let us: typeof import("../../lib/actions/core/users");
let blocks: typeof import("../../lib/data/moderation");
let art: number;

beforeAll(async () => {
  f = await adminFixture("int_admin_moderation");
  ({ runAction: run } = await import("../../lib/actions/safe-action"));
  cm = await import("../../lib/actions/core/comments");
  se = await import("../../lib/actions/core/sections");
  us = await import("../../lib/actions/core/users");
  blocks = await import("../../lib/data/moderation");
  art = await insertArticle(f);
});

const comment = async (ipHash: string, articleId = art) =>
  (await f.sql<{ id: number }>(`INSERT INTO comments (article_id, nickname, body, ip_hash) VALUES ($1, '독자', '댓글입니다', $2) RETURNING id`, [articleId, ipHash]))[0].id;
const status = async (id: number) => (await f.sql<{ status: string }>("SELECT status FROM comments WHERE id = $1", [id]))[0]?.status;

describe("comments", () => {
  it("hide and restore revalidate that article's comments and page only", async () => {
    const id = await comment("aaa");
    expect(await run(cm.hideComment, f.editor, { id: String(id) })).toMatchObject({ ok: true, tags: [`comments:${art}`, `article:${art}`] });
    expect(await status(id)).toBe("HIDDEN");
    expect(await run(cm.showComment, f.editor, { id: String(id) })).toMatchObject({ ok: true, tags: [`comments:${art}`, `article:${art}`] });
    expect(await status(id)).toBe("VISIBLE");
    expect(await run(cm.deleteComment, f.editor, { id: String(id) })).toMatchObject({ ok: true });
    expect(await status(id)).toBeUndefined();
    expect(await run(cm.deleteComment, f.editor, { id: String(id) })).toMatchObject({ ok: false, status: 404 });
  });

  it("blocks an IP hash for a period (and can hide everything it posted); isIpHashBlocked answers", async () => {
    const other = await insertArticle(f);
    const a = await comment("spammer");
    const b = await comment("spammer", other);
    const keep = await comment("reader");
    expect(await blocks.isIpHashBlocked("spammer")).toBe(false);
    const r = await run(cm.blockCommenter, f.editor, { commentId: String(a), days: "7", reasonCode: "spam", reason: "광고", hideAll: "on" });
    expect(r).toMatchObject({ ok: true });
    expect((r as { tags: string[] }).tags.sort()).toEqual([`article:${art}`, `article:${other}`, `comments:${art}`, `comments:${other}`].sort());
    expect([await status(a), await status(b), await status(keep)]).toEqual(["HIDDEN", "HIDDEN", "VISIBLE"]);
    expect(await blocks.isIpHashBlocked("spammer")).toBe(true);
    expect(await blocks.isIpHashBlocked("spammer", new Date(Date.now() + 8 * 86_400_000))).toBe(false);
    expect(await blocks.isIpHashBlocked("reader")).toBe(false);

    const [block] = await f.sql<{ id: number; created_by: number }>("SELECT id, created_by FROM comment_ip_blocks WHERE ip_hash = 'spammer'");
    expect(block.created_by).toBe(f.editor.id);
    await run(cm.unblockCommenter, f.editor, { blockId: String(block.id) });
    expect(await blocks.isIpHashBlocked("spammer")).toBe(false);
  });

  it("refuses an unknown block period", async () => {
    const id = await comment("x");
    expect(await run(cm.blockCommenter, f.editor, { commentId: String(id), days: "3" })).toMatchObject({ ok: false, status: 400, errors: { days: ["기간을 고르세요."] } });
  });
});

describe("sections", () => {
  it("creates, refuses a taken slug, renames, reorders and hides", async () => {
    expect(await run(se.createSection, f.admin, { name: "체육", slug: "Sports" })).toMatchObject({ ok: true, tags: expect.arrayContaining(["sections", "home"]) });
    expect(await run(se.createSection, f.admin, { name: "또 체육", slug: "sports" })).toMatchObject({ ok: false, status: 400, errors: { slug: ["이미 쓰는 주소 이름입니다."] } });
    expect(await run(se.createSection, f.admin, { name: "나쁜", slug: "../x" })).toMatchObject({ ok: false, status: 400 });
    const order = async () => (await f.sql<{ slug: string }>("SELECT slug FROM sections ORDER BY position, id")).map((r) => r.slug);
    expect(await order()).toEqual(["yanbian", "society", "culture", "sports"]);
    const [sports] = await f.sql<{ id: number }>("SELECT id FROM sections WHERE slug = 'sports'");
    await run(se.moveSection, f.admin, { id: String(sports.id), direction: "up" });
    expect(await order()).toEqual(["yanbian", "society", "sports", "culture"]);
    expect(await run(se.moveSection, f.admin, { id: String(f.sections[0]), direction: "up" })).toMatchObject({ ok: true, tags: [] });

    const r = await run(se.renameSection, f.admin, { id: String(sports.id), name: "스포츠", slug: "sport" });
    expect((r as { tags: string[] }).tags).toEqual(["sections", "home", `section:${sports.id}`, "archive", "feeds"]);
    expect(await run(se.setSectionHidden, f.admin, { id: String(sports.id), hidden: "true" })).toMatchObject({ ok: true });
    expect((await f.sql<{ hidden: boolean; name: string }>("SELECT hidden, name FROM sections WHERE id = $1", [sports.id]))[0]).toEqual({ hidden: true, name: "스포츠" });
  });
});

describe("accounts", () => {
  it("an admin creates staff, changes roles, disables; never their own role or account", async () => {
    expect(await run(us.createUser, f.admin, { email: "New@Example.com", name: "새 기자", password: "a-long-password", role: "REPORTER" })).toMatchObject({ ok: true });
    expect(await run(us.createUser, f.admin, { email: "new@example.com", name: "또", password: "a-long-password", role: "REPORTER" })).toMatchObject({
      ok: false,
      errors: { email: ["이미 있는 계정입니다."] },
    });
    expect(await run(us.createUser, f.admin, { email: "p@example.com", name: "짧은", password: "short", role: "REPORTER" })).toMatchObject({ ok: false, status: 400 });
    const [u] = await f.sql<{ id: number }>("SELECT id FROM users WHERE email = 'new@example.com'");
    expect(await run(us.setUserRole, f.admin, { id: String(u.id), role: "EDITOR" })).toMatchObject({ ok: true });
    expect(await run(us.setUserRole, f.admin, { id: String(f.admin.id), role: "REPORTER" })).toMatchObject({ ok: false, status: 409 });
    expect(await run(us.setUserDisabled, f.admin, { id: String(f.admin.id), disabled: "true" })).toMatchObject({ ok: false, status: 409 });

    const { findActiveStaff } = await import("../../lib/data/accounts");
    expect(await findActiveStaff(u.id)).toMatchObject({ role: "EDITOR" });
    await run(us.setUserDisabled, f.admin, { id: String(u.id), disabled: "true" });
    // A disabled account's session stops working at once: the session is re-read every request.
    expect(await findActiveStaff(u.id)).toBeNull();
  });

  it("anyone may change their own password, knowing the current one", async () => {
    expect(await run(us.changeOwnPassword, f.reporter, { current: "wrong", password: "new-password-123" })).toMatchObject({ ok: false, errors: { current: ["지금 비밀번호가 맞지 않습니다."] } });
    expect(await run(us.changeOwnPassword, f.reporter, { current: "reporter-password-1", password: "new-password-123" })).toMatchObject({ ok: true });
    const { verifyCredentials } = await import("../../lib/auth/credentials");
    expect(await verifyCredentials("reporter@example.com", "new-password-123", "10.0.0.1")).toMatchObject({ ok: true });
  });
});
