// The photo library, tags and the home page's picks against a real database and real image
// processing: a photo in use (body, cover) cannot be deleted and the refusal names the
// article; an unused one goes with its stored files; the article_images links follow every
// write of an article (a trigger); tags are cleaned, de-duplicated and capped; the home page
// shows an editor's picks that are still published and fills the rest with the newest.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { adminFixture, insertArticle, type Fixture } from "./admin-fixtures";

let f: Fixture;
let uploads: string;
let run: typeof import("../../lib/actions/safe-action").runAction;
let images: typeof import("../../lib/actions/core/images");
let lib: typeof import("../../lib/actions/core/photo-library");
let save: typeof import("../../lib/actions/core/article-save");
let picks: typeof import("../../lib/actions/core/home-picks");
let home: typeof import("../../lib/data/home");
let data: typeof import("../../lib/data/images");

beforeAll(async () => {
  uploads = mkdtempSync(join(tmpdir(), "library-"));
  process.env.UPLOAD_DIR = uploads;
  f = await adminFixture("int_library");
  ({ runAction: run } = await import("../../lib/actions/safe-action"));
  images = await import("../../lib/actions/core/images");
  lib = await import("../../lib/actions/core/photo-library");
  save = await import("../../lib/actions/core/article-save");
  picks = await import("../../lib/actions/core/home-picks");
  home = await import("../../lib/data/home");
  data = await import("../../lib/data/images");
});

async function photo(caption: string, credit = "") {
  const jpeg = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#3a7" } }).jpeg().toBuffer();
  const r = await run(images.uploadImage, f.editor, { file: new File([new Uint8Array(jpeg)], "p.jpg", { type: "image/jpeg" }), alt: "대체", caption, credit });
  if (!r.ok) throw new Error(JSON.stringify(r));
  const d = r.data as { id: number; src: string };
  const row = (await f.sql<{ storage_key: string; variants: { key: string }[] }>("SELECT storage_key, variants FROM images WHERE id = $1", [d.id]))[0];
  return { id: d.id, src: d.src, key: row.storage_key, files: [row.storage_key, ...row.variants.map((v) => v.key)] };
}

const form = (o: Record<string, unknown> = {}) => ({ title: "연길 소식", sectionId: String(f.sections[0]), sourceName: "해란강뉴스", body: "<p>본문입니다.</p>", intent: "save", ...o });

async function saved(o: Record<string, unknown>) {
  const r = await run(save.saveArticle, f.editor, form(o));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data as { id: number; version: number };
}

const links = async (imageId: number) => (await f.sql<{ article_id: number }>("SELECT article_id FROM article_images WHERE image_id = $1 ORDER BY article_id", [imageId])).map((r) => r.article_id);

describe("photo library", () => {
  it("refuses to delete a photo used in a body or as a cover, naming the article; deletes it with its files once unused", async () => {
    const inBody = await photo("연길 거리");
    const asCover = await photo("두만강");
    const a = await saved({ title: "본문에 사진", body: `<figure><img src="${inBody.src}" alt="거리" width="320" height="240"></figure><p>글</p>` });
    const b = await saved({ title: "대표 사진 기사", coverImageId: String(asCover.id) });
    expect(await links(inBody.id)).toEqual([a.id]);
    expect(await links(asCover.id)).toEqual([b.id]);

    const r1 = await run(lib.deletePhoto, f.editor, { id: inBody.id });
    expect(r1).toMatchObject({ ok: false, status: 409 });
    expect(r1.ok ? "" : r1.message).toContain(`기사 #${a.id} 「본문에 사진」`);
    const r2 = await run(lib.deletePhoto, f.editor, { id: asCover.id });
    expect(r2.ok ? "" : r2.message).toContain(`기사 #${b.id} 「대표 사진 기사」`);
    for (const k of [...inBody.files, ...asCover.files]) expect(existsSync(join(uploads, k)), k).toBe(true);

    // The body no longer shows it, the cover is another: both photos are free.
    await saved({ id: String(a.id), version: String(a.version), title: "본문에 사진", body: "<p>사진을 뺐습니다.</p>" });
    await saved({ id: String(b.id), version: String(b.version), title: "대표 사진 기사", coverImageId: "" });
    expect(await links(inBody.id)).toEqual([]);
    for (const p of [inBody, asCover]) {
      expect(await run(lib.deletePhoto, f.editor, { id: p.id })).toMatchObject({ ok: true });
      expect(await f.sql("SELECT 1 FROM images WHERE id = $1", [p.id])).toHaveLength(0);
      for (const k of p.files) expect(existsSync(join(uploads, k)), k).toBe(false);
    }
    expect(await run(lib.deletePhoto, f.editor, { id: inBody.id })).toMatchObject({ ok: false, status: 404 });
  });

  it("keeps the links for articles written outside the save action too (the trigger), and for the social-card photo", async () => {
    const p = await photo("설날");
    const id = await insertArticle(f, { title: "직접 넣은 기사" });
    await f.sql("UPDATE articles SET body = $1 WHERE id = $2", [`<p><img src="/media/${p.key}" alt=""></p>`, id]);
    expect(await links(p.id)).toEqual([id]);
    await f.sql("UPDATE articles SET body = '<p>없음</p>', social_image_id = $1 WHERE id = $2", [p.id, id]);
    expect(await links(p.id)).toEqual([id]);
    const r = await run(lib.deletePhoto, f.editor, { id: p.id });
    expect(r.ok ? "" : r.message).toContain("직접 넣은 기사");
  });

  it("edits alt text, caption and credit; refuses what is too long; 404 for a photo that does not exist", async () => {
    const p = await photo("옛 설명", "사진=옛날");
    expect(await run(lib.updatePhotoTexts, f.reporter, { id: p.id, alt: "강가의 아이들", caption: "해란강 가의 아이들", credit: "사진=길림신문" })).toMatchObject({ ok: true });
    expect((await f.sql("SELECT alt, caption, credit FROM images WHERE id = $1", [p.id]))[0]).toEqual({ alt: "강가의 아이들", caption: "해란강 가의 아이들", credit: "사진=길림신문" });
    const long = await run(lib.updatePhotoTexts, f.editor, { id: p.id, alt: "", caption: "", credit: "가".repeat(101) });
    expect(long).toMatchObject({ ok: false, status: 400 });
    expect(long.ok ? [] : long.errors?.credit).toHaveLength(1);
    // NUL and other control characters are dropped, not a 500 from PostgreSQL.
    expect(await run(lib.updatePhotoTexts, f.editor, { id: p.id, alt: "a\u0000b", caption: "\u0000", credit: "사진\u0007=길림신문" })).toMatchObject({ ok: true });
    expect((await f.sql("SELECT alt, caption, credit FROM images WHERE id = $1", [p.id]))[0]).toEqual({ alt: "ab", caption: null, credit: "사진=길림신문" });
    expect((await data.searchImages({ q: "\u0000" })).items.length).toBeGreaterThan(0);
    expect(await run(lib.updatePhotoTexts, f.editor, { id: 999999, alt: "", caption: "", credit: "" })).toMatchObject({ ok: false, status: 404 });
    expect(await run(lib.updatePhotoTexts, f.editor, { id: "abc", alt: "", caption: "", credit: "" })).toMatchObject({ ok: false, status: 400 });
    expect(await run(lib.deletePhoto, f.editor, { id: "99999999999" })).toMatchObject({ ok: false, status: 400 });
    expect(await run(lib.listPhotos, f.editor, { q: "", before: "99999999999" })).toMatchObject({ ok: false, status: 400 });
  });

  it("searches caption, alt text and credit, newest first, a bounded page at a time", async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await photo(`백두산 풍경 ${i}`, i % 2 ? "사진=연변일보" : ""));
    const page1 = await data.searchImages({ q: "백두산", size: 2 });
    expect(page1.items.map((p) => p.id)).toEqual([made[4].id, made[3].id]);
    const page2 = await data.searchImages({ q: "백두산", size: 2, before: page1.next });
    expect(page2.items.map((p) => p.id)).toEqual([made[2].id, made[1].id]);
    const byCredit = await data.searchImages({ q: "연변일보" });
    expect(byCredit.items.map((p) => p.id)).toEqual([made[3].id, made[1].id]);
    expect(byCredit.items[0]).toMatchObject({ caption: "백두산 풍경 3", credit: "사진=연변일보" });
  });
});

describe("tags", () => {
  const tagsOf = async (id: number) =>
    (await f.sql<{ name: string; slug: string }>("SELECT t.name, t.slug FROM article_tags a JOIN tags t ON t.id = a.tag_id WHERE a.article_id = $1 ORDER BY a.position", [id])).map(
      (r) => `${r.name}|${r.slug}`,
    );

  it("saves tags trimmed, NFC, de-duplicated, in the order typed; a later save replaces them", async () => {
    const nfd = "교육".normalize("NFD");
    const a = await saved({ tags: ` 연변 , ${nfd},연변,  조선족   축제 ，Yanbian , 연변 ` });
    expect(await tagsOf(a.id)).toEqual(["연변|연변", "교육|교육", "조선족 축제|조선족-축제", "Yanbian|yanbian"]);
    const b = await saved({ tags: "yanbian, 교육" });
    // The same tag rows are shared, whatever spelling came second.
    expect(await tagsOf(b.id)).toEqual(["Yanbian|yanbian", "교육|교육"]);
    await saved({ id: String(a.id), version: String(a.version), tags: "교육" });
    expect(await tagsOf(a.id)).toEqual(["교육|교육"]);
    expect(await f.sql("SELECT 1 FROM tags WHERE slug = '교육'")).toHaveLength(1);
  });

  it("refuses more than 10 tags or a tag over 30 characters, with the message next to the field", async () => {
    const many = await run(save.saveArticle, f.editor, form({ tags: Array.from({ length: 11 }, (_, i) => `태그${i}`).join(",") }));
    expect(many).toMatchObject({ ok: false, status: 400 });
    expect(many.ok ? "" : many.errors?.tags?.[0]).toContain("10개");
    const long = await run(save.saveArticle, f.editor, form({ tags: `짧은, ${"가".repeat(31)}` }));
    expect(long.ok ? "" : long.errors?.tags?.[0]).toContain("30자");
  });
});

describe("home picks", () => {
  const hours = (h: number) => new Date(Date.now() - h * 3_600_000);

  it("shows the editor's picks in their order, fills the rest with the newest, and drops a pick at once when it is unpublished or binned", async () => {
    await f.sql("UPDATE articles SET status = 'DRAFT'"); // only this test's articles on the home page
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) ids.push(await insertArticle(f, { title: `기사 ${i}`, publishedAt: hours(100 - i) }));
    const newest = [...ids].reverse();

    let lead = await home.readLead();
    expect(lead.topStories.map((a) => a.id)).toEqual(newest.slice(0, 5)); // no picks, no covers: automatic

    const old = ids[0];
    const second = ids[1];
    expect(await run(picks.addHomePick, f.editor, { articleId: old })).toMatchObject({ ok: true, tags: ["home"] });
    expect(await run(picks.addHomePick, f.editor, { articleId: second })).toMatchObject({ ok: true });
    expect(await run(picks.addHomePick, f.editor, { articleId: second })).toMatchObject({ ok: false, status: 409 });
    lead = await home.readLead();
    expect(lead.top?.id).toBe(old);
    expect(lead.topStories.map((a) => a.id)).toEqual([second, ...newest.slice(0, 4)]);

    expect(await run(picks.moveHomePick, f.editor, { articleId: second, direction: "up" })).toMatchObject({ ok: true });
    lead = await home.readLead();
    expect([lead.top?.id, lead.topStories[0].id]).toEqual([second, old]);

    await f.sql("UPDATE articles SET status = 'DRAFT' WHERE id = $1", [second]);
    lead = await home.readLead();
    expect(lead.top?.id).toBe(old);
    await f.sql("UPDATE articles SET deleted_at = now() WHERE id = $1", [old]);
    lead = await home.readLead();
    expect(lead.top?.id).not.toBe(old);
    expect(lead.topStories.map((a) => a.id)).not.toContain(old);

    expect(await run(picks.removeHomePick, f.editor, { articleId: old })).toMatchObject({ ok: true });
    expect(await run(picks.removeHomePick, f.editor, { articleId: old })).toMatchObject({ ok: false, status: 404 });
  });

  it("refuses reporters, unpublished articles, and more than the home page's slots", async () => {
    await f.sql("DELETE FROM home_picks");
    const pub = await insertArticle(f, { title: "게시" });
    const draft = await insertArticle(f, { title: "초안", status: "DRAFT", publishedAt: null });
    expect(await run(picks.addHomePick, f.reporter, { articleId: pub })).toMatchObject({ ok: false, status: 403 });
    expect(await run(picks.addHomePick, f.editor, { articleId: draft })).toMatchObject({ ok: false, status: 404 });
    expect(await run(picks.addHomePick, f.editor, { articleId: "x" })).toMatchObject({ ok: false, status: 400 });
    expect(await run(picks.addHomePick, f.editor, { articleId: "99999999999" })).toMatchObject({ ok: false, status: 400 });
    for (let i = 0; i < home.HOME_SLOTS; i++) {
      expect(await run(picks.addHomePick, f.editor, { articleId: await insertArticle(f, { title: `골라 ${i}` }) })).toMatchObject({ ok: true });
    }
    const over = await run(picks.addHomePick, f.editor, { articleId: pub });
    expect(over).toMatchObject({ ok: false, status: 409 });
    expect(over.ok ? "" : over.message).toContain(`${home.HOME_SLOTS}개까지`);
  });
});
