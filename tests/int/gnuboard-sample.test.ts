// The GnuBoard5 site the import is tested against (lib/import/gnuboard-sample), built in a real
// MariaDB: what its manifest promises is what the tables and folders hold. Text sits in the bytes
// each board's history left (EUC-KR in an euckr table, CP949 in a latin1 one), images carry the
// EXIF an import must strip, and missing and corrupt files are really missing and corrupt.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import type { Connection } from "mysql2/promise";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildGnuboardSample, connectGnuboard, EXIF_MAKE, fillGnuboardSample, samplePost, SAMPLE_KEYS, type GnuboardSampleManifest,
} from "../../lib/import/gnuboard-sample";
import { startMariaDb, stopMariaDbIn, type RunningMariaDb } from "../../scripts/lib/services/mariadb";

let dir: string;
let db: RunningMariaDb;
let conn: Connection;
let m: GnuboardSampleManifest;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gnuboard-"));
  db = await startMariaDb({ dir: join(dir, "db") });
  m = await buildGnuboardSample(db.url, { dir: join(dir, "site") });
  conn = await connectGnuboard(db.url);
});

afterAll(async () => {
  await conn?.end();
  await db?.stop();
  // The CLI's server outlives the script by design; a failed test must not leave it behind.
  if (dir) await stopMariaDbIn(join(dir, "cli"));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const [r] = await conn.query(sql, params);
  return r as T[];
}

describe("the GnuBoard5 sample site", () => {
  it("holds the posts, comments and files its manifest counts, as GnuBoard links them", async () => {
    expect(m.boards.map((b) => b.boTable)).toEqual(["news", "free", "old"]);
    expect(m.totals.posts).toBeGreaterThanOrEqual(50);
    expect(m.totals.comments).toBeGreaterThanOrEqual(70);
    for (const b of m.boards) {
      const [c] = await rows<{ posts: number; comments: number; replies: number }>(
        `SELECT SUM(wr_is_comment = 0) AS posts, SUM(wr_is_comment = 1) AS comments, SUM(wr_is_comment = 0 AND wr_reply <> '') AS replies FROM g5_write_${b.boTable}`,
      );
      expect({ posts: Number(c.posts), comments: Number(c.comments), replies: Number(c.replies) }).toEqual({ posts: b.posts, comments: b.comments, replies: b.replies });
      const [board] = await rows<{ bo_count_write: number; bo_count_comment: number; bo_notice: string }>("SELECT * FROM g5_board WHERE bo_table = ?", [b.boTable]);
      expect(board).toMatchObject({ bo_count_write: b.posts, bo_count_comment: b.comments, bo_notice: b.notices.join(",") });
      // Every comment hangs under a post of its board, and the post counts its comments.
      const orphans = await rows(`SELECT c.wr_id FROM g5_write_${b.boTable} c LEFT JOIN g5_write_${b.boTable} p ON p.wr_id = c.wr_parent AND p.wr_is_comment = 0 WHERE c.wr_is_comment = 1 AND p.wr_id IS NULL`);
      expect(orphans).toEqual([]);
      const miscounted = await rows(`SELECT p.wr_id FROM g5_write_${b.boTable} p WHERE p.wr_is_comment = 0 AND p.wr_comment <> (SELECT COUNT(*) FROM g5_write_${b.boTable} c WHERE c.wr_is_comment = 1 AND c.wr_parent = p.wr_id)`);
      expect(miscounted).toEqual([]);
    }
    const [files] = await rows<{ n: number }>("SELECT COUNT(*) AS n FROM g5_board_file");
    expect(files.n).toBe(m.files.length);
    expect(m.boards.find((b) => b.boTable === "news")!.notices).toEqual([samplePost(m, SAMPLE_KEYS.notice).wrId]);
    const reply = samplePost(m, SAMPLE_KEYS.replyToReply);
    expect(reply.wrReply).toBe("AA");
    expect(reply.wrNum).toBe(samplePost(m, "news-12").wrNum);
  });

  it("stores KST wall-clock dates, secret posts, empty subjects and entity-laden titles as GnuBoard does", async () => {
    const midnight = samplePost(m, SAMPLE_KEYS.justAfterMidnightKst);
    expect(midnight.datetime).toBe("2020-01-01 00:30:00");
    expect(midnight.utc).toBe("2019-12-31T15:30:00.000Z");
    const [row] = await rows<{ wr_datetime: string }>("SELECT wr_datetime FROM g5_write_news WHERE wr_id = ?", [midnight.wrId]);
    expect(row.wr_datetime).toBe("2020-01-01 00:30:00");

    const [secret] = await rows<{ wr_option: string }>("SELECT wr_option FROM g5_write_news WHERE wr_id = ?", [samplePost(m, SAMPLE_KEYS.secret).wrId]);
    expect(secret.wr_option.split(",")).toContain("secret");
    const [empty] = await rows<{ wr_subject: string }>("SELECT wr_subject FROM g5_write_news WHERE wr_id = ?", [samplePost(m, SAMPLE_KEYS.emptySubject).wrId]);
    expect(empty.wr_subject).toBe("");
    const entities = samplePost(m, SAMPLE_KEYS.entities);
    const [e] = await rows<{ wr_subject: string }>("SELECT wr_subject FROM g5_write_news WHERE wr_id = ?", [entities.wrId]);
    expect(e.wr_subject).toBe("&#54620;중 교류 &amp; 협력 포럼 열려");
    expect(entities.title).toBe("한중 교류 & 협력 포럼 열려");
    const [plain] = await rows<{ wr_option: string; wr_content: string }>("SELECT wr_option, wr_content FROM g5_write_news WHERE wr_id = ?", [samplePost(m, SAMPLE_KEYS.plainText).wrId]);
    expect(plain.wr_option).toBe("");
    expect(plain.wr_content).toContain("3 < 5 & 7 > 2\n");
    const [bad] = await rows<{ wr_content: string }>("SELECT wr_content FROM g5_write_news WHERE wr_id = ?", [samplePost(m, SAMPLE_KEYS.malformed).wrId]);
    expect(bad.wr_content).toMatch(/<script>/);
    expect(bad.wr_content).toMatch(/onclick=/);
  });

  it("keeps the free board's text as EUC-KR bytes in an euckr table", async () => {
    const [t] = await rows<{ c: string }>("SELECT table_collation AS c FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'g5_write_free'");
    expect(t.c).toMatch(/^euckr_/);
    const post = samplePost(m, "free-0");
    const [r] = await rows<{ raw: Buffer; name: Buffer; wr_subject: string }>("SELECT CAST(wr_subject AS BINARY) AS raw, CAST(wr_name AS BINARY) AS name, wr_subject FROM g5_write_free WHERE wr_id = ?", [post.wrId]);
    expect(r.raw.equals(iconv.encode(post.subject, "euc-kr"))).toBe(true);
    expect(r.name.equals(iconv.encode(post.name, "euc-kr"))).toBe(true);
    // Read through a UTF-8 connection, MariaDB converts it: the same Hangul comes back.
    expect(r.wr_subject).toBe(post.subject);
  });

  it("keeps the old board's text as raw CP949 bytes in a latin1 table (the mojibake case)", async () => {
    const [t] = await rows<{ c: string }>("SELECT table_collation AS c FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'g5_write_old'");
    expect(t.c).toMatch(/^latin1_/);
    const post = samplePost(m, SAMPLE_KEYS.cp949);
    expect(post.subject).toMatch(/[똠햏뷁]/);
    const [r] = await rows<{ raw: Buffer; wr_subject: string; content: Buffer }>("SELECT CAST(wr_subject AS BINARY) AS raw, wr_subject, CAST(wr_content AS BINARY) AS content FROM g5_write_old WHERE wr_id = ?", [post.wrId]);
    expect(r.raw.equals(iconv.encode(post.subject, "cp949"))).toBe(true);
    expect(iconv.decode(r.raw, "cp949")).toBe(post.subject);
    expect(iconv.decode(r.content, "cp949")).toBe(post.content);
    // 햏 is one of CP949's additions: its second byte is an ASCII letter, never in EUC-KR.
    expect(iconv.encode("햏", "cp949")[1]).toBeLessThan(0x80);
    // What a naive import reads through a UTF-8 connection: latin1 mojibake, not Hangul.
    expect(r.wr_subject).not.toBe(post.subject);
    expect(r.wr_subject).not.toMatch(/[가-힣]/);
  });

  it("writes attachments and editor images with camera EXIF, leaves missing files out and the corrupt one broken", async () => {
    const images = [...m.files, ...m.inlineImages].filter((f) => f.state === "ok" && (f.kind === "jpeg" || f.kind === "png"));
    expect(images.length).toBeGreaterThanOrEqual(10);
    for (const f of images) {
      const meta = await sharp(f.path).metadata();
      expect(meta.format).toBe(f.kind);
      expect(meta.exif?.toString("latin1")).toContain(EXIF_MAKE);
      expect(f.exif).toBe(true);
    }
    for (const f of m.files.filter((x) => x.state === "ok")) {
      expect(readFileSync(f.path).length).toBe(f.size);
      expect(f.path).toBe(join(m.dir, "data", "file", f.board, f.stored));
    }
    const missing = [...m.files, ...m.inlineImages].filter((f) => f.state === "missing");
    expect(missing.map((f) => f.board).sort()).toEqual(["news", "news", "old"]);
    for (const f of missing) expect(existsSync(f.path)).toBe(false);
    const corrupt = m.files.filter((f) => f.state === "corrupt");
    expect(corrupt).toHaveLength(1);
    await expect(sharp(corrupt[0].path).toBuffer()).rejects.toThrow();

    const docs = samplePost(m, SAMPLE_KEYS.documents).files;
    expect(docs.map((f) => f.kind)).toEqual(["hwp", "pdf"]);
    expect(readFileSync(docs[0].path).subarray(0, 8).toString("hex")).toBe("d0cf11e0a1b11ae1");
    expect(readFileSync(docs[1].path).subarray(0, 5).toString()).toBe("%PDF-");
    const [row] = await rows<{ bf_source: string; bf_type: number }>("SELECT bf_source, bf_type FROM g5_board_file WHERE bo_table = 'news' AND wr_id = ? AND bf_no = 0", [docs[0].wrId]);
    expect(row).toEqual({ bf_source: docs[0].source, bf_type: 0 });

    // Inline images appear in their post's HTML, relative or on the old site's address.
    for (const i of m.inlineImages) expect(samplePost(m, m.posts.find((p) => p.board === i.board && p.wrId === i.wrId)!.key).content).toContain(`<img src="${i.src}"`);
    expect(samplePost(m, SAMPLE_KEYS.absoluteImageUrl).inline[0].src.startsWith(`${m.oldSiteOrigin}/data/editor/`)).toBe(true);
  });

  it("fills a board with generated posts and comments through LOAD DATA", async () => {
    const r = await fillGnuboardSample(db.url, { board: "bulk", posts: 3000, comments: 5000, batchRows: 2000 });
    expect(r).toMatchObject({ posts: 3000, comments: 5000 });
    const [c] = await rows<{ posts: number; comments: number; minBody: number; maxBody: number; hangul: number }>(
      "SELECT SUM(wr_is_comment = 0) AS posts, SUM(wr_is_comment = 1) AS comments, MIN(IF(wr_is_comment = 0, LENGTH(wr_content), NULL)) AS minBody, MAX(LENGTH(wr_content)) AS maxBody, SUM(wr_subject LIKE '%시%' OR wr_subject LIKE '%현%') AS hangul FROM g5_write_bulk",
    );
    expect({ posts: Number(c.posts), comments: Number(c.comments) }).toEqual({ posts: 3000, comments: 5000 });
    expect(c.minBody).toBeGreaterThanOrEqual(1000);
    expect(c.maxBody).toBeLessThanOrEqual(5000);
    expect(Number(c.hangul)).toBe(3000);
    const [board] = await rows<{ bo_count_write: number; bo_count_comment: number }>("SELECT bo_count_write, bo_count_comment FROM g5_board WHERE bo_table = 'bulk'");
    expect(board).toEqual({ bo_count_write: 3000, bo_count_comment: 5000 });
    const orphans = await rows("SELECT c.wr_id FROM g5_write_bulk c LEFT JOIN g5_write_bulk p ON p.wr_id = c.wr_parent AND p.wr_is_comment = 0 WHERE c.wr_is_comment = 1 AND p.wr_id IS NULL");
    expect(orphans).toEqual([]);
    // A second fill continues after the first instead of colliding with it.
    const more = await fillGnuboardSample(db.url, { board: "bulk", posts: 10, comments: 0 });
    expect(more.firstId).toBe(r.lastId + 1);
  });
});

describe("npm run gnuboard:sample", () => {
  const run = (...args: string[]) => spawnSync("npx", ["tsx", "scripts/gnuboard-sample.ts", ...args], { encoding: "utf8", timeout: 120_000 });

  it("leaves a MariaDB running with the sample and extra posts, its URL readable by the owner only, until --stop", async () => {
    const target = join(dir, "cli");
    const r = run("--dir", target, "--posts", "500");
    expect(r.status, r.stderr).toBe(0);
    const url = readFileSync(join(target, "mysql-url"), "utf8").trim();
    expect(r.stdout.trim().split("\n").at(-1)).toBe(url);
    expect(statSync(join(target, "mysql-url")).mode & 0o777).toBe(0o600);
    // Everything else the script printed keeps the password out.
    expect(r.stdout.trim().split("\n").slice(0, -1).join("\n")).not.toContain(new URL(url).password);

    const c = await connectGnuboard(url);
    try {
      const [[counts]] = (await c.query("SELECT (SELECT COUNT(*) FROM g5_write_bulk WHERE wr_is_comment = 0) AS bulk, (SELECT COUNT(*) FROM g5_write_news) AS news")) as unknown as [[{ bulk: number; news: number }]];
      expect(counts.bulk).toBe(500);
      expect(counts.news).toBeGreaterThan(0);
    } finally {
      await c.end();
    }
    const manifest = JSON.parse(readFileSync(join(target, "manifest.json"), "utf8")) as GnuboardSampleManifest;
    expect(existsSync(manifest.files.find((f) => f.state === "ok")!.path)).toBe(true);

    const stopped = run("--dir", target, "--stop");
    expect(stopped.stdout).toContain("stopped MariaDB");
    await expect(connectGnuboard(url)).rejects.toThrow(/ECONNREFUSED/);
  });

  it("answers a bad argument with usage and exit code 2, starting nothing", () => {
    const r = run("--dir", join(dir, "bad"), "--posts", "많이");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--posts must be a whole number");
    expect(existsSync(join(dir, "bad"))).toBe(false);
  });
});
