// What buildGnuboardSample made, for tests to assert against instead of hard-coding rows.
import type { BoardCharset, FileKind, FileState } from "./plan";

export type SampleBoard = {
  boTable: string;
  subject: string;
  /** The write table's MariaDB character set. */
  charset: BoardCharset;
  /** How the text bytes in that table are really encoded (latin1 tables hold CP949). */
  textEncoding: "utf-8" | "euc-kr" | "cp949";
  /** Rows with wr_is_comment = 0, replies included. */
  posts: number;
  replies: number;
  comments: number;
  categories: string[];
  /** wr_ids listed in g5_board.bo_notice. */
  notices: number[];
};

export type SampleFile = {
  board: string;
  wrId: number;
  bfNo: number;
  /** bf_source: the name the writer uploaded. */
  source: string;
  /** bf_file: the name under data/file/{board}/. */
  stored: string;
  /** Where it is (or would be, when missing) on disk. */
  path: string;
  urlPath: string;
  kind: FileKind;
  state: FileState;
  size: number;
  width: number;
  height: number;
  /** The file on disk carries EXIF with the camera (EXIF_MAKE) and a GPS position. */
  exif: boolean;
};

export type SampleInline = { board: string; wrId: number; src: string; path: string; kind: "jpeg" | "png"; state: "ok" | "missing"; exif: boolean };

export type SamplePost = {
  board: string;
  wrId: number;
  /** Stable name of the planned post (news-0 ... , news-12-re), see plan.ts. */
  key: string;
  wrNum: number;
  wrReply: string;
  replyTo: number | null;
  /** wr_subject as stored (entities and all); `title` is what readers should see. */
  subject: string;
  title: string;
  content: string;
  option: string;
  secret: boolean;
  plainText: boolean;
  notice: boolean;
  category: string;
  name: string;
  mbId: string;
  /** wr_datetime as stored: KST wall clock. */
  datetime: string;
  /** The same instant in UTC, ISO 8601. */
  utc: string;
  hit: number;
  comments: number;
  files: SampleFile[];
  inline: SampleInline[];
};

export type SampleComment = { board: string; wrId: number; parent: number; name: string; content: string; datetime: string; utc: string; commentReply: string };

export type GnuboardSampleManifest = {
  dir: string;
  /** Absolute inline image URLs of the old site start with this. */
  oldSiteOrigin: string;
  boards: SampleBoard[];
  posts: SamplePost[];
  comments: SampleComment[];
  files: SampleFile[];
  inlineImages: SampleInline[];
  totals: { posts: number; comments: number; files: number };
};

/** The post planned as `key` (see plan.ts: news-0 is the notice, news-4 the secret post ...). */
export function samplePost(m: GnuboardSampleManifest, key: string): SamplePost {
  const p = m.posts.find((x) => x.key === key);
  if (!p) throw new Error(`no sample post ${key}`);
  return p;
}
