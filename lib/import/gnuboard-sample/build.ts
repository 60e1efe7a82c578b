// buildGnuboardSample: GnuBoard5's tables and a small realistic site in a MariaDB database, its
// files under `{dir}/data/`, and a manifest of what was made so tests assert against it. Text
// is stored the way each board's history left it: UTF-8 (news), EUC-KR in an euckr table
// (free), and CP949 bytes in a latin1 table written by an old PHP app (old: the mojibake case).
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import iconv from "iconv-lite";
import { connectGnuboard } from "./connect";
import { makeFile } from "./files";
import { kstToUtc } from "./kst";
import type { GnuboardSampleManifest, SampleBoard, SampleComment, SampleFile, SampleInline, SamplePost } from "./manifest";
import { BOARDS, MEMBERS, OLD_SITE_ORIGIN, planFree, planNews, planOld, type PlannedBoard, type PlannedPost } from "./plan";
import { sharedTablesSql, writeTableSql } from "./schema";
import { seeded } from "./words";

const TEXT_ENCODING = { utf8mb4: "utf-8", euckr: "euc-kr", latin1: "cp949" } as const;
const BF_TYPE = { jpeg: 2, png: 3, hwp: 0, pdf: 0 } as const;

export async function buildGnuboardSample(url: string, opts: { dir: string }): Promise<GnuboardSampleManifest> {
  const dir = resolve(opts.dir);
  const rng = seeded(20230104);
  const conn = await connectGnuboard(url);
  try {
    const tables = ["g5_group", "g5_board", "g5_board_file", "g5_member", ...BOARDS.map((b) => `g5_write_${b.boTable}`)];
    await conn.query(`DROP TABLE IF EXISTS ${tables.map((t) => `\`${t}\``).join(", ")}`);
    for (const sql of sharedTablesSql()) await conn.query(sql);
    await conn.query("INSERT INTO g5_group SET ?", [{ gr_id: "community", gr_subject: "커뮤니티", gr_order: 1 }]);
    for (const m of MEMBERS) {
      await conn.query("INSERT INTO g5_member SET ?", [{
        mb_id: m.mbId, mb_password: fakeHash(m.mbId), mb_name: m.nick, mb_nick: m.nick, mb_email: `${m.mbId}@mail.example`,
        mb_level: m.level, mb_datetime: "2004-10-01 12:00:00",
      }]);
    }

    const manifest: GnuboardSampleManifest = {
      dir, oldSiteOrigin: OLD_SITE_ORIGIN, boards: [], posts: [], comments: [], files: [], inlineImages: [],
      totals: { posts: 0, comments: 0, files: 0 },
    };
    const plans: Record<string, PlannedPost[]> = { news: planNews(rng), free: planFree(rng), old: planOld(rng) };
    for (const board of BOARDS) {
      manifest.boards.push(await buildBoard(conn, board, plans[board.boTable], dir, rng, manifest));
    }
    manifest.totals = { posts: manifest.posts.length, comments: manifest.comments.length, files: manifest.files.length };
    return manifest;
  } finally {
    await conn.end();
  }
}

type Conn = Awaited<ReturnType<typeof connectGnuboard>>;

async function buildBoard(conn: Conn, board: PlannedBoard, planned: PlannedPost[], dir: string, rng: ReturnType<typeof seeded>, manifest: GnuboardSampleManifest): Promise<SampleBoard> {
  const bo = board.boTable;
  const table = `g5_write_${bo}`;
  await conn.query(writeTableSql(bo, board.charset));
  // The old board's PHP app talked latin1 to MySQL and sent CP949 bytes: they sit in the
  // latin1 columns byte for byte. Buffers go to the server as binary strings, unconverted.
  const text = (s: string): string | Buffer => {
    if (board.charset === "latin1") return iconv.encode(s, "cp949");
    if (board.charset === "euckr" && !isKsx1001(s)) throw new Error(`not EUC-KR (KS X 1001) text for the ${bo} board: ${s}`);
    return s;
  };

  const posts = [...planned].sort((a, b) => a.datetime.localeCompare(b.datetime));
  const ids = new Map<string, SamplePost>();
  let nextId = 1;
  let nextNum = -1;
  const replies = new Map<string, number>();
  const boardPosts: SamplePost[] = [];
  for (const p of posts) {
    const wrId = nextId++;
    const parent = p.replyTo ? ids.get(p.replyTo)! : null;
    const wrNum = parent ? parent.wrNum : nextNum--;
    const wrReply = parent ? parent.wrReply + "ABCDEFGHIJ"[replies.get(p.replyTo!) ?? 0] : "";
    if (parent) replies.set(p.replyTo!, (replies.get(p.replyTo!) ?? 0) + 1);
    const lastComment = p.comments.at(-1)?.datetime;
    const files = await writeFiles(conn, bo, wrId, p, dir, rng);
    const inline = await writeInline(bo, wrId, p, dir, rng);
    await conn.query(`INSERT INTO \`${table}\` SET ?`, [{
      wr_id: wrId, wr_num: wrNum, wr_reply: wrReply, wr_parent: wrId, wr_is_comment: 0, wr_comment: p.comments.length,
      ca_name: text(p.category), wr_option: p.option, wr_subject: text(p.subject), wr_content: text(p.content),
      wr_seo_title: bo === "old" ? "" : text(p.title.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "")),
      wr_link1: "", wr_link2: "", wr_hit: p.hit, wr_good: rng.int(0, 30), wr_nogood: rng.int(0, 3),
      mb_id: p.mbId, wr_password: p.mbId ? "" : fakeHash(p.key), wr_name: text(p.name), wr_email: "", wr_homepage: "",
      wr_datetime: p.datetime, wr_file: files.length, wr_last: lastComment ?? p.datetime, wr_ip: `192.0.2.${rng.int(1, 254)}`,
    }]);
    const sample: SamplePost = {
      board: bo, wrId, key: p.key, wrNum, wrReply, replyTo: parent?.wrId ?? null, subject: p.subject, title: p.title,
      content: p.content, option: p.option, secret: p.option.includes("secret"), plainText: !p.option.includes("html"),
      notice: p.notice, category: p.category, name: p.name, mbId: p.mbId, datetime: p.datetime, utc: kstToUtc(p.datetime).toISOString(),
      hit: p.hit, comments: p.comments.length, files, inline,
    };
    ids.set(p.key, sample);
    boardPosts.push(sample);
    manifest.files.push(...files);
    manifest.inlineImages.push(...inline);
  }

  // Comments after the posts (ids continue), in the order they were written.
  const comments = posts.flatMap((p) => p.comments.map((c, k) => ({ c, k, post: ids.get(p.key)! })))
    .sort((a, b) => a.c.datetime.localeCompare(b.c.datetime));
  const numbering = new Map<number, { n: number; replies: number }>();
  for (const { c, post } of comments) {
    const wrId = nextId++;
    const state = numbering.get(post.wrId) ?? { n: 0, replies: 0 };
    if (c.reply && state.n > 0) state.replies++;
    else state.n++, (state.replies = 0);
    numbering.set(post.wrId, state);
    const commentReply = c.reply && state.replies > 0 ? "ABCDEFGHIJ"[state.replies - 1] : "";
    await conn.query(`INSERT INTO \`${table}\` SET ?`, [{
      wr_id: wrId, wr_num: post.wrNum, wr_reply: "", wr_parent: post.wrId, wr_is_comment: 1, wr_comment: state.n,
      wr_comment_reply: commentReply, ca_name: text(post.category), wr_option: "", wr_subject: "", wr_content: text(c.content),
      wr_link1: "", wr_link2: "", mb_id: c.mbId, wr_password: c.mbId ? "" : fakeHash(`${wrId}`), wr_name: text(c.name),
      wr_email: "", wr_homepage: "", wr_datetime: c.datetime, wr_last: "", wr_ip: `198.51.100.${rng.int(1, 254)}`,
    }]);
    manifest.comments.push({ board: bo, wrId, parent: post.wrId, name: c.name, content: c.content, datetime: c.datetime, utc: kstToUtc(c.datetime).toISOString(), commentReply });
  }

  const notices = boardPosts.filter((p) => p.notice).map((p) => p.wrId);
  await conn.query("INSERT INTO g5_board SET ?", [{
    bo_table: bo, gr_id: "community", bo_subject: board.subject, bo_use_category: board.categories.length ? 1 : 0,
    bo_category_list: board.categories.join("|"), bo_use_secret: 1, bo_use_dhtml_editor: 1, bo_skin: board.skin, bo_page_rows: 15,
    bo_order: BOARDS.indexOf(board), bo_count_write: boardPosts.length, bo_count_comment: comments.length, bo_notice: notices.join(","), bo_upload_count: 2,
  }]);
  manifest.posts.push(...boardPosts);
  return {
    boTable: bo, subject: board.subject, charset: board.charset, textEncoding: TEXT_ENCODING[board.charset],
    posts: boardPosts.length, replies: boardPosts.filter((p) => p.replyTo !== null).length, comments: comments.length,
    categories: board.categories, notices,
  };
}

async function writeFiles(conn: Conn, bo: string, wrId: number, p: PlannedPost, dir: string, rng: ReturnType<typeof seeded>): Promise<SampleFile[]> {
  const out: SampleFile[] = [];
  for (const [bfNo, f] of p.files.entries()) {
    const made = await makeFile(f.kind, f.state, wrId * 10 + bfNo);
    const ext = f.source.split(".").pop()!;
    const shuffle = Array.from({ length: 8 }, () => "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"[rng.int(0, 56)]).join("");
    // GnuBoard's stored name: ip2long of the uploader, 8 shuffled characters, a sha1 and the extension.
    const stored = `${3221225985 + rng.int(0, 250)}_${shuffle}_${createHash("sha1").update(`${bo}/${wrId}/${bfNo}`).digest("hex")}.${ext}`;
    const path = join(dir, "data", "file", bo, stored);
    if (f.state !== "missing") {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, made.bytes);
    }
    await conn.query("INSERT INTO g5_board_file SET ?", [{
      bo_table: bo, wr_id: wrId, bf_no: bfNo, bf_source: f.source, bf_file: stored, bf_download: rng.int(0, 200), bf_content: "",
      bf_filesize: made.bytes.length, bf_width: made.width, bf_height: made.height, bf_type: BF_TYPE[f.kind], bf_datetime: p.datetime,
    }]);
    out.push({ board: bo, wrId, bfNo, source: f.source, stored, path, urlPath: `/data/file/${bo}/${stored}`, kind: f.kind, state: f.state, size: made.bytes.length, width: made.width, height: made.height, exif: made.exif });
  }
  return out;
}

async function writeInline(bo: string, wrId: number, p: PlannedPost, dir: string, rng: ReturnType<typeof seeded>): Promise<SampleInline[]> {
  const out: SampleInline[] = [];
  for (const i of p.inline) {
    const path = join(dir, i.relPath);
    const made = await makeFile(i.kind, "ok", rng.int(1, 1000));
    if (i.state === "ok") {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, made.bytes);
    }
    out.push({ board: bo, wrId, src: i.src, path, kind: i.kind, state: i.state, exif: i.state === "ok" });
  }
  return out;
}

/** Only the 2,350 syllables (and symbols) of KS X 1001: what a MariaDB euckr column holds. */
export function isKsx1001(s: string): boolean {
  const b = iconv.encode(s, "cp949");
  for (let i = 0; i < b.length; i++) {
    if (b[i] < 0x80) continue;
    if (b[i] < 0xa1 || b[i + 1] < 0xa1) return false;
    i++;
  }
  return true;
}

const fakeHash = (seed: string) => `sha256:12000:${createHash("sha256").update(`salt/${seed}`).digest("base64").slice(0, 32)}:${createHash("sha256").update(seed).digest("base64").slice(0, 32)}`;
