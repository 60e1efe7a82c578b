// Reading a GnuBoard5 database (MySQL or MariaDB) through mysql2: boards from g5_board, posts
// and comments from g5_write_<board> in keyset batches by wr_id (constant cost per batch at
// any depth, unlike LIMIT/OFFSET), attachments from g5_board_file. Text columns are fetched
// as raw bytes (CAST AS BINARY) and decoded by decode.ts with the column's own charset, so a
// latin1 table holding CP949 is read as what it holds rather than as what it claims.
import mysql from "mysql2/promise";
import { decodeBytes, plainText } from "./decode";

export type SourceBoard = { board: string; subject: string; table: string };
export type SourceRow = {
  wrId: number;
  parent: number;
  isComment: boolean;
  reply: string;
  category: string;
  option: string;
  subject: string;
  content: string;
  seoTitle: string | null;
  hit: number;
  name: string;
  datetime: string;
  last: string;
};
export type SourceFile = { wrId: number; no: number; file: string; source: string };

const TABLE = /^[0-9A-Za-z_]{1,64}$/;
const TEXT_COLUMNS = ["ca_name", "wr_option", "wr_subject", "wr_content", "wr_name", "wr_reply"] as const;

export class GnuboardSource {
  private charsets = new Map<string, Map<string, string>>();

  private constructor(
    private readonly conn: mysql.Connection,
    readonly prefix: string,
  ) {}

  static async connect(url: string, prefix = "g5_"): Promise<GnuboardSource> {
    if (!TABLE.test(prefix)) throw new Error(`--prefix must be letters, digits and _: "${prefix}"`);
    // dateStrings: wr_datetime is a wall time in the old server's zone; dates.ts converts it.
    const conn = await mysql.createConnection({ uri: url, dateStrings: true, charset: "utf8mb4", supportBigNumbers: true });
    return new GnuboardSource(conn, prefix);
  }

  close() {
    return this.conn.end();
  }

  /** Column → charset of a table (null charset for numbers and dates). */
  private async columns(table: string): Promise<Map<string, string>> {
    let cols = this.charsets.get(table);
    if (!cols) {
      const [rows] = await this.conn.query<mysql.RowDataPacket[]>(
        `SELECT COLUMN_NAME AS c, CHARACTER_SET_NAME AS cs FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`,
        [table],
      );
      cols = new Map(rows.map((r) => [String(r.c).toLowerCase(), String(r.cs ?? "")]));
      this.charsets.set(table, cols);
    }
    return cols;
  }

  private async text(table: string, column: string, v: unknown): Promise<string> {
    const cs = (await this.columns(table)).get(column) || "utf8mb4";
    return decodeBytes(v as Buffer | null, cs);
  }

  async boards(): Promise<SourceBoard[]> {
    const table = `${this.prefix}board`;
    const [rows] = await this.conn.query<mysql.RowDataPacket[]>(
      `SELECT bo_table, CAST(bo_subject AS BINARY) AS bo_subject FROM \`${table}\` ORDER BY bo_table`,
    );
    const out: SourceBoard[] = [];
    for (const r of rows) {
      const board = String(r.bo_table);
      if (!TABLE.test(board)) continue;
      out.push({ board, subject: plainText(await this.text(table, "bo_subject", r.bo_subject), 100) || board, table: `${this.prefix}write_${board}` });
    }
    return out;
  }

  /** Rows (posts and comments) after `afterWrId`, at most `limit`, in wr_id order. */
  async rows(board: SourceBoard, afterWrId: number, limit: number): Promise<SourceRow[]> {
    const cols = await this.columns(board.table);
    const seo = cols.has("wr_seo_title") ? "CAST(wr_seo_title AS BINARY)" : "NULL";
    const [rows] = await this.conn.query<mysql.RowDataPacket[]>(
      `SELECT wr_id, wr_parent, wr_is_comment, ${TEXT_COLUMNS.map((c) => `CAST(${c} AS BINARY) AS ${c}`).join(", ")},
              ${seo} AS wr_seo_title, wr_hit, wr_datetime, wr_last
         FROM \`${board.table}\` WHERE wr_id > ? ORDER BY wr_id LIMIT ?`,
      [afterWrId, limit],
    );
    const dec = (c: string, v: unknown) => decodeBytes(v as Buffer | null, cols.get(c) || "utf8mb4");
    return rows.map((r) => ({
      wrId: Number(r.wr_id),
      parent: Number(r.wr_parent),
      isComment: Number(r.wr_is_comment) === 1,
      reply: dec("wr_reply", r.wr_reply),
      category: dec("ca_name", r.ca_name),
      option: dec("wr_option", r.wr_option),
      subject: dec("wr_subject", r.wr_subject),
      content: dec("wr_content", r.wr_content),
      seoTitle: r.wr_seo_title == null ? null : dec("wr_seo_title", r.wr_seo_title) || null,
      hit: Number(r.wr_hit) || 0,
      name: dec("wr_name", r.wr_name),
      datetime: String(r.wr_datetime ?? ""),
      last: String(r.wr_last ?? ""),
    }));
  }

  /** How many rows are left after `afterWrId` (for the progress bar's total). */
  async remaining(board: SourceBoard, afterWrId: number): Promise<number> {
    const [rows] = await this.conn.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM \`${board.table}\` WHERE wr_id > ?`, [afterWrId]);
    return Number(rows[0].n);
  }

  /** Attachments of these posts, in their order (bf_no). */
  async files(board: SourceBoard, wrIds: number[]): Promise<SourceFile[]> {
    if (wrIds.length === 0) return [];
    const table = `${this.prefix}board_file`;
    const [rows] = await this.conn.query<mysql.RowDataPacket[]>(
      `SELECT wr_id, bf_no, CAST(bf_file AS BINARY) AS bf_file, CAST(bf_source AS BINARY) AS bf_source
         FROM \`${table}\` WHERE bo_table = ? AND wr_id IN (?) AND bf_file <> '' ORDER BY wr_id, bf_no`,
      [board.board, wrIds],
    );
    const out: SourceFile[] = [];
    for (const r of rows) {
      out.push({
        wrId: Number(r.wr_id),
        no: Number(r.bf_no),
        file: await this.text(table, "bf_file", r.bf_file),
        source: await this.text(table, "bf_source", r.bf_source),
      });
    }
    return out;
  }
}
