// Every admin action, called as anonymous, reporter, editor (and admin): the role gate and
// the ownership rules inside the actions, against a real database. A refused call must
// change nothing at all.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor, Role } from "../../lib/auth/roles";
import type { ActionDef } from "../../lib/actions/safe-action";
import { adminFixture, fingerprint, insertArticle, type Fixture } from "./admin-fixtures";

let f: Fixture;
let run: typeof import("../../lib/actions/safe-action").runAction;
type Def = ActionDef<never, unknown>;
type Case = { name: string; def: () => Def; allowed: Role[]; input: (a: Actor) => Promise<Record<string, unknown>> };
let cases: Case[] = [];
let png: Buffer;
let n = 0;

const chinaIn = (ms: number) => new Date(Date.now() + ms + 8 * 3600_000).toISOString().slice(0, 16);

beforeAll(async () => {
  process.env.UPLOAD_DIR = mkdtempSync(join(tmpdir(), "admin-roles-uploads-"));
  f = await adminFixture("int_admin_roles");
  ({ runAction: run } = await import("../../lib/actions/safe-action"));
  png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#48c" } }).png().toBuffer();
});

const EDITORS: Role[] = ["ADMIN", "EDITOR"];
const STAFF: Role[] = ["ADMIN", "EDITOR", "REPORTER"];
const ADMINS: Role[] = ["ADMIN"];

async function buildCases(): Promise<Case[]> {
  const save = await import("../../lib/actions/core/article-save");
  const st = await import("../../lib/actions/core/article-status");
  const cm = await import("../../lib/actions/core/comments");
  const se = await import("../../lib/actions/core/sections");
  const us = await import("../../lib/actions/core/users");
  const im = await import("../../lib/actions/core/images");
  const bulk = await import("../../lib/actions/core/article-bulk");
  const draft = (a: Actor, status = "DRAFT") => insertArticle(f, { status, authorId: a.id, publishedAt: null });
  const trashed = async (a: Actor) => {
    const id = await draft(a);
    await f.sql("UPDATE articles SET deleted_at = now() WHERE id = $1", [id]);
    return id;
  };
  const comment = async () => {
    const art = await insertArticle(f);
    return (await f.sql<{ id: number }>(`INSERT INTO comments (article_id, nickname, body, ip_hash) VALUES ($1, '독자', '댓글', $2) RETURNING id`, [art, `hash${++n}`]))[0].id;
  };
  const throwaway = async () =>
    (await f.sql<{ id: number }>(`INSERT INTO users (email, name, password_hash, role) VALUES ($1, '임시', 'x', 'REPORTER') RETURNING id`, [`tmp${++n}@example.com`]))[0].id;
  const article = { title: "새 기사", sectionId: String(f.sections[0]), sourceName: "해란강뉴스", body: "<p>본문</p>" };
  return [
    { name: "saveArticle (save)", def: () => save.saveArticle as never, allowed: STAFF, input: async () => ({ ...article, intent: "save" }) },
    { name: "saveArticle (publish)", def: () => save.saveArticle as never, allowed: EDITORS, input: async () => ({ ...article, intent: "publish" }) },
    { name: "saveArticle (schedule)", def: () => save.saveArticle as never, allowed: EDITORS, input: async () => ({ ...article, intent: "schedule", scheduledAt: chinaIn(3_600_000) }) },
    { name: "autosaveArticle", def: () => save.autosaveArticle as never, allowed: STAFF, input: async () => ({ ...article }) },
    { name: "publishArticle", def: () => st.publishArticle as never, allowed: EDITORS, input: async (a) => ({ id: await draft(a) }) },
    { name: "scheduleArticle", def: () => st.scheduleArticle as never, allowed: EDITORS, input: async (a) => ({ id: await draft(a), scheduledAt: chinaIn(3_600_000) }) },
    { name: "unpublishArticle", def: () => st.unpublishArticle as never, allowed: EDITORS, input: async () => ({ id: await insertArticle(f) }) },
    { name: "submitArticle", def: () => st.submitArticle as never, allowed: STAFF, input: async (a) => ({ id: await draft(a) }) },
    { name: "trashArticle", def: () => st.trashArticle as never, allowed: STAFF, input: async (a) => ({ id: await draft(a) }) },
    { name: "restoreArticle", def: () => st.restoreArticle as never, allowed: EDITORS, input: async (a) => ({ id: await trashed(a) }) },
    { name: "purgeArticle", def: () => st.purgeArticle as never, allowed: EDITORS, input: async (a) => ({ id: await trashed(a) }) },
    {
      name: "restoreRevision",
      def: () => st.restoreRevision as never,
      allowed: STAFF,
      input: async (a) => {
        const id = await draft(a);
        const rev = await f.sql<{ id: number }>(
          `INSERT INTO article_revisions (article_id, status, section_id, title, excerpt, body, source_name, created_by) VALUES ($1, 'DRAFT', $2, '옛 제목', '요약', '<p>옛 본문</p>', '해란강뉴스', $3) RETURNING id`,
          [id, f.sections[0], a.id],
        );
        return { revisionId: rev[0].id };
      },
    },
    { name: "hideComment", def: () => cm.hideComment as never, allowed: EDITORS, input: async () => ({ id: await comment() }) },
    { name: "showComment", def: () => cm.showComment as never, allowed: EDITORS, input: async () => ({ id: await comment() }) },
    { name: "deleteComment", def: () => cm.deleteComment as never, allowed: EDITORS, input: async () => ({ id: await comment() }) },
    { name: "blockCommenter", def: () => cm.blockCommenter as never, allowed: EDITORS, input: async () => ({ commentId: await comment(), days: "7", reasonCode: "abuse" }) },
    { name: "blockAddress", def: () => cm.blockAddress as never, allowed: EDITORS, input: async () => ({ ip: `192.0.2.${++n % 250}`, days: "1", reasonCode: "flood" }) },
    { name: "bulkComments", def: () => cm.bulkComments as never, allowed: EDITORS, input: async () => ({ op: "hide", ids: [String(await comment()), String(await comment())] }) },
    { name: "saveBannedWords", def: () => cm.saveBannedWords as never, allowed: EDITORS, input: async () => ({ words: `금지${++n}` }) },
    { name: "bulkArticles", def: () => bulk.bulkArticles as never, allowed: STAFF, input: async (a) => ({ op: "trash", ids: [String(await draft(a)), String(await draft(a))] }) },
    {
      name: "unblockCommenter",
      def: () => cm.unblockCommenter as never,
      allowed: EDITORS,
      input: async () => ({ blockId: (await f.sql<{ id: number }>(`INSERT INTO comment_ip_blocks (ip_hash, until) VALUES ('h', now() + interval '1 day') RETURNING id`))[0].id }),
    },
    { name: "createSection", def: () => se.createSection as never, allowed: ADMINS, input: async () => ({ name: "새 분야", slug: `new-${++n}` }) },
    { name: "renameSection", def: () => se.renameSection as never, allowed: ADMINS, input: async () => ({ id: f.sections[2], name: "문화", slug: "culture" }) },
    { name: "moveSection", def: () => se.moveSection as never, allowed: ADMINS, input: async () => ({ id: f.sections[1], direction: "up" }) },
    { name: "setSectionHidden", def: () => se.setSectionHidden as never, allowed: ADMINS, input: async () => ({ id: f.sections[2], hidden: "false" }) },
    { name: "createUser", def: () => us.createUser as never, allowed: ADMINS, input: async () => ({ email: `new${++n}@example.com`, name: "새 기자", password: "a-long-password", role: "REPORTER" }) },
    { name: "setUserRole", def: () => us.setUserRole as never, allowed: ADMINS, input: async () => ({ id: await throwaway(), role: "EDITOR" }) },
    { name: "setUserDisabled", def: () => us.setUserDisabled as never, allowed: ADMINS, input: async () => ({ id: await throwaway(), disabled: "true" }) },
    {
      name: "changeOwnPassword",
      def: () => us.changeOwnPassword as never,
      allowed: STAFF,
      input: async (a) => ({ current: `${a.role.toLowerCase()}-password-1`, password: `${a.role.toLowerCase()}-password-1` }),
    },
    {
      name: "uploadImage",
      def: () => im.uploadImage as never,
      allowed: STAFF,
      input: async () => ({ file: new File([new Uint8Array(png)], "photo.png", { type: "image/png" }), alt: "", caption: "" }),
    },
  ];
}

describe("every admin action checks the session and the role itself", () => {
  it("covers every action definition exported by lib/actions/core", async () => {
    cases = await buildCases();
    const mods = await Promise.all(
      ["article-save", "article-status", "article-bulk", "comments", "sections", "users", "images"].map((m) => import(`../../lib/actions/core/${m}.ts`)),
    );
    const defs = mods.flatMap((m) => Object.values(m).filter((v): v is Def => !!v && typeof v === "object" && "roles" in v && "run" in v));
    const covered = new Set(cases.map((c) => c.def()));
    expect(defs.filter((d) => !covered.has(d)).map((d) => d.name)).toEqual([]);
  });

  it("refuses anonymous callers with 401 and changes nothing", async () => {
    for (const c of cases) {
      const input = await c.input(f.reporter);
      const before = await fingerprint(f);
      const r = await run(c.def(), null, input);
      expect(r, c.name).toMatchObject({ ok: false, status: 401 });
      expect(await fingerprint(f), c.name).toBe(before);
    }
  });

  for (const who of ["reporter", "editor", "admin"] as const) {
    it(`lets a ${who} do exactly what the role allows`, async () => {
      const actor = f[who];
      for (const c of cases) {
        const input = await c.input(actor);
        const before = await fingerprint(f);
        const r = await run(c.def(), actor, input);
        if (c.allowed.includes(actor.role)) {
          expect(r, `${c.name} as ${who}: ${JSON.stringify(r)}`).toMatchObject({ ok: true });
        } else {
          expect(r, `${c.name} as ${who}`).toMatchObject({ ok: false, status: 403 });
          expect(await fingerprint(f), `${c.name} as ${who} changed something`).toBe(before);
        }
      }
    });
  }
});
