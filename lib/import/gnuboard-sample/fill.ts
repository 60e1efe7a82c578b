// fillGnuboardSample: many posts (and their comments) in one board, for measuring an import at
// portal scale. Rows are generated as a TSV stream and sent with LOAD DATA LOCAL INFILE, in
// batches so that no single statement holds a huge transaction; bodies are 1-4 KB of Korean HTML.
import { Readable } from "node:stream";
import { connectGnuboard } from "./connect";
import { sharedTablesSql, writeTableSql } from "./schema";
import { addMinutes } from "./plan";
import * as W from "./words";

export type FillOptions = {
  /** bo_table; created (utf8mb4) with its g5_board row when missing. */
  board: string;
  posts: number;
  /** Comments in all, spread over the posts. Default: twice the posts. */
  comments?: number;
  /** Rows (posts + comments) per LOAD DATA statement. */
  batchRows?: number;
  seed?: number;
  onProgress?: (done: { posts: number; comments: number }) => void;
};

export type FillResult = { board: string; posts: number; comments: number; firstId: number; lastId: number; bytes: number; ms: number };

const COLUMNS = [
  "wr_id", "wr_num", "wr_reply", "wr_parent", "wr_is_comment", "wr_comment", "wr_comment_reply", "ca_name", "wr_option",
  "wr_subject", "wr_content", "wr_seo_title", "wr_link1", "wr_link2", "wr_hit", "wr_good", "wr_nogood", "mb_id",
  "wr_password", "wr_name", "wr_email", "wr_homepage", "wr_datetime", "wr_file", "wr_last", "wr_ip",
] as const;

/** Escapes a value for LOAD DATA's default format (tab-separated, backslash escapes). */
const tsv = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));

export async function fillGnuboardSample(url: string, opts: FillOptions): Promise<FillResult> {
  const { board } = opts;
  const totalComments = opts.comments ?? opts.posts * 2;
  const batchRows = opts.batchRows ?? 20_000;
  const rng = W.seeded(opts.seed ?? 7);
  const table = `g5_write_${board}`;
  const started = Date.now();
  let stream: Readable | null = null;
  const conn = await connectGnuboard(url, { infileStreamFactory: () => stream! });
  try {
    for (const sql of sharedTablesSql()) await conn.query(sql);
    await conn.query(writeTableSql(board, "utf8mb4"));
    await conn.query(
      "INSERT IGNORE INTO g5_board SET ?",
      [{ bo_table: board, gr_id: "community", bo_subject: `대량 게시판 ${board}`, bo_use_category: 1, bo_category_list: Object.keys(W.NEWS_TOPICS).join("|"), bo_skin: "basic", bo_page_rows: 15, bo_notice: "" }],
    );
    const [[range]] = (await conn.query(`SELECT COALESCE(MAX(wr_id), 0) AS maxId, COALESCE(MIN(wr_num), 0) AS minNum FROM \`${table}\``)) as unknown as [[{ maxId: number; minNum: number }]];
    await conn.query("SET unique_checks = 0, foreign_key_checks = 0");

    const paragraphs = paragraphPool(rng);
    const cats = Object.keys(W.NEWS_TOPICS);
    // Posts spread evenly over 2008-2024 (KST wall clock), oldest first like a real archive.
    const first = "2008-01-01 08:00:00";
    const stepMinutes = (17 * 365 * 24 * 60) / Math.max(opts.posts, 1);
    let id = range.maxId + 1;
    let num = range.minNum - 1;
    let post = 0;
    let commentsDone = 0;
    let bytes = 0;

    function* rows(limit: number): Generator<Buffer> {
      let lines: string[] = [];
      let n = 0;
      while (post < opts.posts && n < limit) {
        const at = addMinutes(first, Math.floor(post * stepMinutes + rng.int(0, Math.max(0, Math.floor(stepMinutes) - 1))));
        const category = cats[rng.int(0, cats.length - 1)];
        const subject = `${rng.pick(W.PLACES)} ${rng.pick(W.NEWS_TOPICS[category])} ${rng.pick(W.NEWS_ENDINGS)}`;
        const target = rng.int(1000, 4000);
        let body = "";
        while (Buffer.byteLength(body) < target) body += (body ? "\\n" : "") + rng.pick(paragraphs);
        // The cumulative share keeps the total exact while posts get 0, 1, 2 ... comments.
        const k = Math.round(((post + 1) * totalComments) / opts.posts) - commentsDone;
        const postId = id++;
        const name = `${rng.pick(W.NICKNAMES)}${rng.int(1, 99)}`;
        let last = at;
        const comments: string[] = [];
        for (let c = 1; c <= k; c++) {
          last = addMinutes(last, rng.int(1, 240));
          comments.push(row(id++, num, postId, 1, c, category, "", "", tsv(rng.pick(W.COMMENTS)), `${rng.pick(W.NICKNAMES)}${rng.int(1, 99)}`, last, ""));
        }
        lines.push(row(postId, num, postId, 0, k, category, "html1", subject, body, name, at, last, rng.int(0, 5000)));
        lines.push(...comments);
        num--;
        post++;
        commentsDone += k;
        n += 1 + k;
        if (lines.length >= 500) {
          const chunk = Buffer.from(lines.join(""), "utf8");
          bytes += chunk.length;
          yield chunk;
          lines = [];
        }
      }
      if (lines.length) {
        const chunk = Buffer.from(lines.join(""), "utf8");
        bytes += chunk.length;
        yield chunk;
      }
    }

    while (post < opts.posts) {
      stream = Readable.from(rows(batchRows), { objectMode: false });
      const [result] = (await conn.query({
        sql: `LOAD DATA LOCAL INFILE 'gnuboard-fill.tsv' INTO TABLE \`${table}\` CHARACTER SET utf8mb4 (${COLUMNS.join(", ")})`,
      })) as unknown as [{ warningStatus: number }];
      if (result.warningStatus > 0) {
        const [warnings] = await conn.query("SHOW WARNINGS LIMIT 5");
        throw new Error(`LOAD DATA into ${table} warned: ${JSON.stringify(warnings)}`);
      }
      opts.onProgress?.({ posts: post, comments: commentsDone });
    }
    await conn.query("UPDATE g5_board SET bo_count_write = bo_count_write + ?, bo_count_comment = bo_count_comment + ? WHERE bo_table = ?", [post, commentsDone, board]);
    return { board, posts: post, comments: commentsDone, firstId: range.maxId + 1, lastId: id - 1, bytes, ms: Date.now() - started };
  } finally {
    await conn.end();
  }
}

// One TSV line; `subject`, `content` and `name` are already safe (no tabs, escaped newlines).
function row(id: number, num: number, parent: number, isComment: 0 | 1, comment: number, category: string, option: string, subject: string, content: string, name: string, at: string, last: string, hit = 0): string {
  const seo = isComment ? "" : subject.replace(/ /g, "-");
  return `${id}\t${num}\t\t${parent}\t${isComment}\t${comment}\t\t${category}\t${option}\t${subject}\t${content}\t${seo}\t\t\t${hit}\t0\t0\t\t\t${name}\t\t\t${at}\t0\t${last}\t203.0.113.${id % 250}\n`;
}

/** A few hundred paragraphs of Korean HTML to build bodies from, escaped for TSV once. */
function paragraphPool(rng: W.Rng): string[] {
  return Array.from({ length: 400 }, (_, i) => {
    const sentences = Array.from({ length: rng.int(3, 6) }, () => rng.pick(rng.next() < 0.7 ? W.SENTENCES : W.CHAT_SENTENCES));
    const lead = `${rng.pick(W.PLACES)}에서 열린 ${rng.pick(W.NEWS_TOPICS[rng.pick(Object.keys(W.NEWS_TOPICS))])} 소식입니다.`;
    const text = [lead, ...sentences].join(" ");
    // Some paragraphs carry what editors of the time left: entities and inline styles.
    if (i % 7 === 0) return tsv(`<p style="text-align:justify">${text}&nbsp;&nbsp;(&#50672;&#54633;)</p>`);
    if (i % 11 === 0) return tsv(`<p><font color="#333333">${text}</font> &amp; 사진=독자 제공</p>`);
    return tsv(`<p>${text}</p>`);
  });
}
