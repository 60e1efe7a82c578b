// The GnuBoard5 import against a real MariaDB (Debian's mariadbd in a temp folder) holding the
// sample site of lib/import/gnuboard-sample (UTF-8, EUC-KR and CP949-in-latin1 boards, replies,
// comments, images with EXIF, missing and corrupt files) into a throwaway PostgreSQL.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startMariaDb, type RunningMariaDb } from "../../scripts/lib/services/mariadb";
import { buildGnuboardSample, connectGnuboard, fillGnuboardSample, samplePost, SAMPLE_KEYS, type GnuboardSampleManifest } from "../../lib/import/gnuboard-sample";
import { importGnuboard, type ImportOptions } from "../../lib/import/gnuboard/index";
import { LocalStorage } from "../../lib/storage/local";
import { migratedDatabase, withClient } from "../support/db";

const SITE = "https://news.example";
let maria: RunningMariaDb;
let manifest: GnuboardSampleManifest;
let pgUrl: string;
let store: LocalStorage;
let uploads: string;
let base: ImportOptions;

const secretWrIds = () => new Set(manifest.posts.filter((p) => p.secret).map((p) => `${p.board}:${p.wrId}`));
const expectedPosts = () => manifest.posts.filter((p) => !p.secret).length;
const expectedComments = () => manifest.comments.filter((c) => !secretWrIds().has(`${c.board}:${c.parent}`)).length;

async function article(board: string, wrId: number) {
  return withClient(pgUrl, async (c) => {
    const r = await c.query(
      `SELECT a.*, s.slug FROM gnuboard_posts g JOIN articles a ON a.id = g.article_id JOIN sections s ON s.id = a.section_id WHERE g.board = $1 AND g.wr_id = $2`,
      [board, wrId],
    );
    return r.rows[0];
  });
}
const count = (sql: string) => withClient(pgUrl, async (c) => Number((await c.query(sql)).rows[0].n));

beforeAll(async () => {
  const dir = join(inject("tmpDir"), "gnuboard-import");
  mkdirSync(dir, { recursive: true });
  maria = await startMariaDb({ dir: join(dir, "mariadb") });
  manifest = await buildGnuboardSample(maria.url, { dir: join(dir, "site") });
  pgUrl = await migratedDatabase("import_gnuboard");
  uploads = join(dir, "uploads");
  store = new LocalStorage(uploads);
  base = { mysqlUrl: maria.url, databaseUrl: pgUrl, siteUrl: SITE, store, filesDir: manifest.dir, sourceTz: "Asia/Seoul", oldUrl: manifest.oldSiteOrigin, batchSize: 7 };
}, 300_000);

afterAll(async () => {
  await maria?.stop();
});

describe("importing a GnuBoard5 site", () => {
  it("stops part-way when told to and continues from its checkpoint on the next run, duplicating nothing", async () => {
    const first = await importGnuboard({ ...base, stopAfterRows: 14 });
    expect(first.interrupted).toBe(true);
    const partial = await count("SELECT count(*) AS n FROM gnuboard_posts");
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(expectedPosts());

    const second = await importGnuboard(base);
    expect(second.interrupted).toBe(false);
    expect(await count("SELECT count(*) AS n FROM articles")).toBe(expectedPosts());
    expect(await count("SELECT count(*) AS n FROM gnuboard_posts")).toBe(expectedPosts());
    expect(await count("SELECT count(*) AS n FROM comments")).toBe(expectedComments());
    expect(first.posts.imported + second.posts.imported).toBe(expectedPosts());
    // Counters kept in bulk by the import equal what the triggers would have kept.
    expect(await count("SELECT published AS n FROM article_counters WHERE section_id = 0")).toBe(expectedPosts());
    expect(await count("SELECT count(*) AS n FROM articles a WHERE comment_count <> (SELECT count(*) FROM comments m WHERE m.article_id = a.id AND m.status = 'VISIBLE')")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM article_counters c WHERE section_id > 0 AND published <> (SELECT count(*) FROM articles a WHERE a.section_id = c.section_id AND a.status = 'PUBLISHED' AND a.deleted_at IS NULL)")).toBe(0);
    expect(expectedComments()).toBeGreaterThan(10);
    expect(new Set(manifest.posts.map((p) => p.board))).toEqual(new Set(["news", "free", "old"]));
  });

  it("makes every board a section and every post a published article with its hits, writer and category", async () => {
    expect(await count("SELECT count(*) AS n FROM sections WHERE legacy_board IN ('news', 'free', 'old')")).toBe(3);
    const notice = samplePost(manifest, SAMPLE_KEYS.notice);
    const a = await article("news", notice.wrId);
    expect(a).toMatchObject({ status: "PUBLISHED", view_count: notice.hit, byline: notice.name, title: notice.title, slug: "news", legacy_id: null });
    const tags = await withClient(pgUrl, (c) => c.query("SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = $1", [a.id]));
    expect(tags.rows.map((r) => r.name)).toEqual([notice.category]);
    const reply = samplePost(manifest, SAMPLE_KEYS.replyToReply);
    expect((await article("news", reply.wrId)).title).toBe(reply.title);
    const empty = samplePost(manifest, SAMPLE_KEYS.emptySubject);
    expect((await article("news", empty.wrId)).title).toBe("(제목 없음)");
  });

  it("brings EUC-KR, CP949-in-latin1 and entity-laden text across as clean Hangul", async () => {
    for (const key of [SAMPLE_KEYS.eucKrAttachment, SAMPLE_KEYS.cp949, SAMPLE_KEYS.entities]) {
      const p = samplePost(manifest, key);
      const a = await article(p.board, p.wrId);
      expect(a.title).toBe(p.title);
      expect(a.title).toMatch(/[가-힣]/);
      expect(a.title + a.body).not.toMatch(/[\u00c0-\u00ff\ufffd]|&#\d+;/);
      expect(a.byline).toBe(p.name);
    }
    expect((await article("news", samplePost(manifest, SAMPLE_KEYS.entities).wrId)).body).toContain("한국 전통 음식");
    const plain = await article("news", samplePost(manifest, SAMPLE_KEYS.plainText).wrId);
    expect(plain.body).toContain("3 &lt; 5 &amp; 7 &gt; 2");
    expect(plain.body).toContain("&lt;b&gt;태그처럼 보이는 글자&lt;/b&gt;");
    const bad = await article("news", samplePost(manifest, SAMPLE_KEYS.malformed).wrId);
    expect(bad.body).not.toMatch(/<script|onclick|onmouseover|javascript:|<iframe|style=/i);
  });

  it("indexes every imported article for search exactly as the triggers would", async () => {
    const r = await withClient(pgUrl, (c) =>
      c.query(`SELECT count(*)::int AS n,
                      count(*) FILTER (WHERE (s.title, s.body, s.keys) IS DISTINCT FROM (x.t, x.b, search_row_keys(x.t, x.b)))::int AS differ
                 FROM gnuboard_posts g JOIN article_search s ON s.article_id = g.article_id,
                      LATERAL (SELECT search_fold(a.title) AS t, search_fold(concat_ws(' ', a.subtitle, search_html_text(a.body), a.byline)) AS b
                                 FROM articles a WHERE a.id = g.article_id) x`),
    );
    expect(r.rows[0]).toEqual({ n: expectedPosts(), differ: 0 });
    const cp949 = samplePost(manifest, SAMPLE_KEYS.cp949);
    const word = cp949.title.split(" ").find((w) => /^[가-힣]{2,}$/.test(w))!;
    const hits = await withClient(pgUrl, (c) => c.query("SELECT count(*)::int AS n FROM article_search WHERE title LIKE '%' || $1 || '%'", [word]));
    expect(hits.rows[0].n).toBeGreaterThan(0);
  });

  it("converts the old server's KST wall times to the right instants", async () => {
    const p = samplePost(manifest, SAMPLE_KEYS.justAfterMidnightKst);
    expect(p.datetime).toBe("2020-01-01 00:30:00");
    const a = await article("news", p.wrId);
    // published_at is timestamp without time zone holding UTC (as Prisma writes it).
    const utc = await withClient(pgUrl, (c) => c.query("SELECT to_char(published_at, 'YYYY-MM-DD HH24:MI:SS') AS t FROM articles WHERE id = $1", [a.id]));
    expect(utc.rows[0].t).toBe("2019-12-31 15:30:00");
  });

  it("keeps comments with their nicknames and dates, and skips the secret post with its reason", async () => {
    const withComments = manifest.posts.find((p) => !p.secret && p.comments > 0 && p.board === "free") ?? manifest.posts.find((p) => !p.secret && p.comments > 0)!;
    const a = await article(withComments.board, withComments.wrId);
    const rows = await withClient(pgUrl, (c) => c.query("SELECT nickname, to_char(created_at, 'YYYY-MM-DD\"T\"HH24:MI:SS') AS at FROM comments WHERE article_id = $1 ORDER BY id", [a.id]));
    const want = manifest.comments.filter((c) => c.board === withComments.board && c.parent === withComments.wrId);
    expect(want.length).toBeGreaterThan(0);
    expect(rows.rows.map((r) => r.nickname)).toEqual(want.map((c) => c.name));
    expect(rows.rows.map((r) => `${r.at}.000Z`)).toEqual(want.map((c) => new Date(c.utc).toISOString()));
    const secret = samplePost(manifest, SAMPLE_KEYS.secret);
    expect(await article("news", secret.wrId)).toBeUndefined();
  });

  it("puts images through the upload pipeline: body and attachments point at variants without EXIF", async () => {
    const notice = samplePost(manifest, SAMPLE_KEYS.notice);
    const a = await article("news", notice.wrId);
    const keys = [...a.body.matchAll(/src="\/media\/([^"]+)"/g)].map((m) => m[1]);
    expect(keys.length).toBe(notice.inline.length + notice.files.filter((f) => f.state === "ok").length);
    for (const key of keys) {
      const img = await withClient(pgUrl, (c) => c.query("SELECT variants FROM images WHERE storage_key = $1", [key]));
      expect(img.rows[0].variants.length).toBeGreaterThan(0);
      for (const k of [key, ...img.rows[0].variants.map((v: { key: string }) => v.key)]) {
        const meta = await sharp(join(uploads, k)).metadata();
        expect(meta.exif).toBeUndefined();
      }
    }
    expect(notice.files.some((f) => f.exif) || notice.inline.some((i) => i.exif)).toBe(true);
    const abs = await article("news", samplePost(manifest, SAMPLE_KEYS.absoluteImageUrl).wrId);
    expect(abs.body).toMatch(/src="\/media\//);
  });

  it("reports missing and corrupt files and non-image attachments without stopping", async () => {
    const db = await withClient(pgUrl, (c) => c.query("SELECT source_path FROM gnuboard_files"));
    const imported = new Set(db.rows.map((r) => r.source_path));
    const broken = manifest.files.filter((f) => f.state !== "ok" || !["jpeg", "png"].includes(f.kind));
    expect(broken.map((f) => f.state)).toEqual(expect.arrayContaining(["missing", "corrupt"]));
    for (const f of broken) expect(imported.has(f.path.slice(f.path.lastIndexOf("/data/") + 1))).toBe(false);
    // The last full run saw them all: rerun from the start and read its report.
    await withClient(pgUrl, (c) => c.query("UPDATE gnuboard_posts SET checksum = 'x' WHERE board = 'news'"));
    const r = await importGnuboard(base);
    const paths = r.brokenImages.map((b) => b.path);
    for (const f of broken.filter((f) => f.board === "news")) expect(paths.some((p) => f.path.endsWith(p))).toBe(true);
    expect(r.brokenImages.find((b) => b.wrId === samplePost(manifest, SAMPLE_KEYS.missingFiles).wrId)?.reason).toBe("file missing");
    expect(r.skipped.find((s) => s.wrId === samplePost(manifest, SAMPLE_KEYS.secret).wrId && s.board === "news")?.reason).toMatch(/secret/);
  });

  it("run again, duplicates nothing and updates only the post that changed", async () => {
    const again = await importGnuboard(base);
    expect(again.posts).toEqual({ imported: 0, updated: 0, unchanged: expectedPosts() });
    expect(again.comments.imported).toBe(0);
    expect(again.images).toBe(0);

    const p = samplePost(manifest, SAMPLE_KEYS.emptySubject);
    const conn = await connectGnuboard(maria.url);
    await conn.query("UPDATE g5_write_news SET wr_subject = ?, wr_hit = wr_hit + 5 WHERE wr_id = ?", ["고친 제목입니다", p.wrId]);
    await conn.end();
    const changed = await importGnuboard(base);
    expect(changed.posts).toEqual({ imported: 0, updated: 1, unchanged: expectedPosts() - 1 });
    expect((await article("news", p.wrId)).title).toBe("고친 제목입니다");
    expect(await count("SELECT count(*) AS n FROM articles")).toBe(expectedPosts());
    expect(await count("SELECT count(*) AS n FROM comments")).toBe(expectedComments());
  });

  it("points links between old posts at the new articles", async () => {
    const [from, toNews, toFree] = [samplePost(manifest, SAMPLE_KEYS.plainText), samplePost(manifest, SAMPLE_KEYS.notice), samplePost(manifest, SAMPLE_KEYS.eucKrAttachment)];
    const html = `<p><a href="${manifest.oldSiteOrigin}/bbs/board.php?bo_table=news&amp;wr_id=${toNews.wrId}">공지</a> <a href="/free/${toFree.wrId}">자유</a> <a href="/bbs/board.php?bo_table=news&wr_id=999999">없는 글</a></p>`;
    const conn = await connectGnuboard(maria.url);
    await conn.query("UPDATE g5_write_news SET wr_content = ?, wr_option = 'html1' WHERE wr_id = ?", [html, from.wrId]);
    await conn.end();
    const r = await importGnuboard(base);
    expect(r.linksRewritten).toBe(1);
    const body = (await article("news", from.wrId)).body as string;
    expect(body).toContain(`href="${SITE}/articles/${(await article("news", toNews.wrId)).id}"`);
    expect(body).toContain(`href="${SITE}/articles/${(await article("free", toFree.wrId)).id}"`);
    // Never imported: left on our redirect, which answers 404 as the old site would have.
    expect(body).toContain(`href="${SITE}/bbs/board.php?bo_table=news&amp;wr_id=999999"`);
    expect((await importGnuboard(base)).linksRewritten).toBe(0);
  });

  // Last: it adds a board of its own to the old site.
  it("killed with SIGKILL in the middle of a run, continues where it stopped with the next run", async () => {
    await fillGnuboardSample(maria.url, { board: "bulk", posts: 3000, comments: 3000 });
    const env = { ...process.env, DATABASE_URL: pgUrl, UPLOAD_DIR: uploads, SITE_URL: SITE };
    const cli = (onStart?: (pid: number) => void) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "scripts/import-gnuboard.ts", "--mysql-url", maria.url, "--boards", "bulk", "--batch", "100"], { env, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (out += d));
        onStart?.(child.pid!);
        child.on("exit", (code) => resolve({ code, out }));
      });
    const checkpoint = () => count("SELECT COALESCE((SELECT last_wr_id FROM gnuboard_boards WHERE board = 'bulk'), 0) AS n");
    const killed = cli((pid) => {
      const poll = setInterval(async () => {
        if ((await checkpoint()) > 0) {
          clearInterval(poll);
          process.kill(pid, "SIGKILL");
        }
      }, 50);
    });
    expect((await killed).code).toBeNull(); // killed, not finished
    const before = await count("SELECT count(*) AS n FROM gnuboard_posts WHERE board = 'bulk'");
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(3000);
    // What was committed is whole: every mapped post has its article, search row and count.
    expect(await count("SELECT count(*) AS n FROM gnuboard_posts g JOIN article_search s ON s.article_id = g.article_id WHERE g.board = 'bulk'")).toBe(before);

    const rerun = await cli();
    expect(rerun.code, rerun.out).toBe(0);
    expect(rerun.out).toMatch(new RegExp(`posts: +${3000 - before} imported`));
    expect(await count("SELECT count(*) AS n FROM gnuboard_posts WHERE board = 'bulk'")).toBe(3000);
    expect(await count("SELECT count(*) AS n FROM gnuboard_posts")).toBe(expectedPosts() + 3000);
    expect(await count("SELECT count(*) AS n FROM articles")).toBe(expectedPosts() + 3000);
    expect(await count("SELECT count(*) AS n FROM gnuboard_comments g JOIN comments m ON m.id = g.comment_id JOIN gnuboard_posts p ON p.article_id = m.article_id WHERE p.board = 'bulk'")).toBe(3000);
    expect(await count("SELECT published AS n FROM article_counters WHERE section_id = 0")).toBe(expectedPosts() + 3000);
  }, 300_000);
});
