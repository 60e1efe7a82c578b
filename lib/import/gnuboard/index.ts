// `npm run import:gnuboard`: a GnuBoard5 site into the portal. Boards become sections, posts
// published articles, comments comments, images go through the upload pipeline. Each board is
// read in wr_id order in batches; a batch's articles, comments, mapping rows and the board's
// checkpoint commit together, so a run killed at any point continues from its last batch, and
// a finished board is read again from the start next time, skipping rows whose checksum is
// unchanged and updating the others. Ends with a pass that points links between old posts at
// the new articles.
import { createHash } from "node:crypto";
import pg from "pg";
import { makeExcerpt, htmlToText } from "../../format";
import { tagSlug } from "../../validations/tags";
import type { FileStorage } from "../../storage";
import type { ImageRef } from "../../types";
import { convertBody, imagePathsIn, type BodyContext } from "./body";
import { checkZone, wallTimeToUtc } from "./dates";
import { decodeEntities, plainText } from "./decode";
import { FileImporter, filesRoot, isImageName, isProblem } from "./files";
import { sectionFor, type BoardMapping } from "./mapping";
import { progressBar } from "./progress";
import { emptyReport, type ImportReport } from "./report";
import { GnuboardSource, type SourceBoard, type SourceRow } from "./source";
import { writeArticles, writeComments, type ArticleRow, type CommentRow } from "./write";
import { rewriteLegacyLinks } from "./links";
import { searchRow } from "../../seed/search-rows";

export type ImportOptions = {
  mysqlUrl: string;
  databaseUrl: string;
  /** Our public origin (SITE_URL): bodies hold absolute links. */
  siteUrl: string;
  store: FileStorage;
  boards?: string[];
  /** GnuBoard's web root (holding data/) or its data/ folder. */
  filesDir?: string;
  mapping?: BoardMapping;
  /** The zone wr_datetime was written in (default Asia/Shanghai). */
  sourceTz?: string;
  /** The old site's address, for its absolute links and images (relative ones need none). */
  oldUrl?: string;
  prefix?: string;
  batchSize?: number;
  /** Stops (as if interrupted) once the signal fires or after this many source rows. */
  signal?: AbortSignal;
  stopAfterRows?: number;
  progress?: boolean;
  log?: (s: string) => void;
};

// `pg` writes the batches (one transaction each); `reader` looks up mappings and stores images
// meanwhile, so the next batch is prepared while PostgreSQL writes the previous one.
type Run = { opts: Required<Pick<ImportOptions, "sourceTz" | "batchSize" | "siteUrl">> & ImportOptions; pg: pg.Client; reader: pg.Client; source: GnuboardSource; files: FileImporter; report: ImportReport; rows: number; ctxBase: Omit<BodyContext, "image" | "attachments"> };

const sha = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("hex").slice(0, 32);

export async function importGnuboard(options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const opts = { sourceTz: "Asia/Shanghai", batchSize: 500, ...options, siteUrl: options.siteUrl.replace(/\/$/, "") };
  checkZone(opts.sourceTz);
  const report = emptyReport();
  const source = await GnuboardSource.connect(opts.mysqlUrl, opts.prefix);
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  const reader = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  await reader.connect();
  try {
    const all = await source.boards();
    const wanted = opts.boards?.length ? opts.boards : all.map((b) => b.board);
    const unknown = wanted.filter((w) => !all.some((b) => b.board === w));
    if (unknown.length) throw new Error(`no such board in ${source.prefix}board: ${unknown.join(", ")}`);
    const boards = all.filter((b) => wanted.includes(b.board));
    report.boards = boards.map((b) => b.board);

    const known = await client.query<{ board: string }>("SELECT board FROM gnuboard_boards");
    const imported = new Set([...known.rows.map((r) => r.board), ...report.boards]);
    const old = new URL(opts.oldUrl ?? "http://gnuboard.invalid");
    const bare = old.host.replace(/^www\./, "");
    const ctxBase = {
      oldOrigin: old.origin,
      oldHosts: new Set([bare, `www.${bare}`]),
      // Our own legacy redirect until the closing pass knows every new id (links point forwards too).
      post: (board: string, wrId: number) => (imported.has(board) ? `${opts.siteUrl}/bbs/board.php?bo_table=${board}&wr_id=${wrId}` : null),
    };
    const files = new FileImporter(reader, opts.store, opts.filesDir ? filesRoot(opts.filesDir) : null);
    const run: Run = { opts, pg: client, reader, source, files, report, rows: 0, ctxBase };

    const plans: { board: SourceBoard; sectionId: number; from: number }[] = [];
    for (const board of boards) plans.push({ board, ...(await prepareBoard(run, board)) });
    let total = 0;
    for (const p of plans) total += await source.remaining(p.board, p.from);
    const tick = progressBar(total, !!opts.progress, "rows");

    for (const p of plans) {
      const done = await importBoard(run, p.board, p.sectionId, p.from, (label) => tick(run.rows, label));
      if (!done) {
        report.interrupted = true;
        break;
      }
    }
    tick(total);
    if (!report.interrupted) report.linksRewritten = await rewriteLegacyLinks(client, opts.siteUrl);
    report.images = files.imported;
  } finally {
    await client.end().catch(() => {});
    await reader.end().catch(() => {});
    await source.close().catch(() => {});
  }
  report.ms = Date.now() - started;
  return report;
}

/** The board's section and checkpoint: a finished pass starts over (to find changes), an unfinished one continues. */
async function prepareBoard(run: Run, board: SourceBoard): Promise<{ sectionId: number; from: number }> {
  const c = run.pg;
  const target = sectionFor(board.board, board.subject, run.opts.mapping ?? {});
  await c.query("BEGIN");
  try {
    await c.query(
      `INSERT INTO sections (slug, name, position) VALUES ($1, $2, (SELECT COALESCE(max(position), 0) + 1 FROM sections)) ON CONFLICT (slug) DO NOTHING`,
      [target.slug, target.name],
    );
    const sectionId = (await c.query<{ id: number }>("SELECT id FROM sections WHERE slug = $1", [target.slug])).rows[0].id;
    // The section answers /board/read/{board} too, when no other section has that board yet.
    await c.query(`UPDATE sections SET legacy_board = $2 WHERE id = $1 AND legacy_board IS NULL AND NOT EXISTS (SELECT 1 FROM sections WHERE legacy_board = $2)`, [sectionId, board.board]);
    const r = await c.query<{ last_wr_id: number; pass_finished_at: Date | null; pass_started_at: Date | null }>(
      `INSERT INTO gnuboard_boards (board, section_id) VALUES ($1, $2)
       ON CONFLICT (board) DO UPDATE SET section_id = EXCLUDED.section_id RETURNING last_wr_id, pass_finished_at, pass_started_at`,
      [board.board, sectionId],
    );
    let from = r.rows[0].last_wr_id;
    if (r.rows[0].pass_finished_at || !r.rows[0].pass_started_at) {
      from = 0;
      await c.query("UPDATE gnuboard_boards SET last_wr_id = 0, pass_started_at = now(), pass_finished_at = NULL WHERE board = $1", [board.board]);
    }
    await c.query("COMMIT");
    return { sectionId, from };
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  }
}

/** Imports one board from `from` on; false when stopped before its end. */
async function importBoard(run: Run, board: SourceBoard, sectionId: number, from: number, tick: (label: string) => void): Promise<boolean> {
  let last = from;
  let writing: Promise<void> | null = null;
  // wr_id → article id of the batch being written: comments of the next batch may belong to
  // its posts before they are committed (and visible to the reader connection).
  const recent = new Map<number, number>();
  const stopped = () => run.opts.signal?.aborted || (run.opts.stopAfterRows !== undefined && run.rows >= run.opts.stopAfterRows);
  try {
    for (;;) {
      if (stopped()) return false;
      const rows = await run.source.rows(board, last, run.opts.batchSize);
      if (rows.length === 0) break;
      const batch = await prepareBatch(run, board, sectionId, rows);
      if (writing) await writing;
      if (stopped()) return false;
      last = rows[rows.length - 1].wrId;
      writing = writeBatch(run, batch, recent).then(() => {
        run.rows += rows.length;
        tick(`${board.board} #${batch.lastWrId}`);
      });
      // Read and convert the next batch while this one is written; a failure surfaces at the next await.
      writing.catch(() => {});
    }
    if (writing) await writing;
  } finally {
    if (writing) await writing.catch(() => {});
  }
  await run.pg.query("UPDATE gnuboard_boards SET pass_finished_at = now() WHERE board = $1", [board.board]);
  return true;
}

type PreparedComment = { r: SourceRow; checksum: string; prevId: number | null; text: string; createdAt: Date };
type Batch = {
  board: string;
  lastWrId: number;
  articles: ArticleRow[];
  updatedPosts: Set<number>;
  comments: PreparedComment[];
  /** Parents known from committed rows when the batch was prepared. */
  parents: Map<number, number>;
};

/** Everything about a batch that needs no write: lookups, images, conversion, checksums. */
async function prepareBatch(run: Run, board: SourceBoard, sectionId: number, rows: SourceRow[]): Promise<Batch> {
  const { reader: c, report, opts } = run;
  const b = board.board;
  const posts = rows.filter((r) => !r.isComment);
  const comments = rows.filter((r) => r.isComment);
  const existingPosts = await mapRows(c, "gnuboard_posts", "article_id", b, posts.map((r) => r.wrId));
  const existingComments = await mapRows(c, "gnuboard_comments", "comment_id", b, comments.map((r) => r.wrId));
  const attachments = await run.source.files(board, posts.map((r) => r.wrId));

  const articles: ArticleRow[] = [];
  const updatedPosts = new Set<number>();
  for (const r of posts) {
    if (r.option.split(",").includes("secret")) {
      report.skipped.push({ board: b, wrId: r.wrId, reason: "secret post (비밀글)" });
      continue;
    }
    const publishedAt = wallTimeToUtc(r.datetime, opts.sourceTz);
    if (!publishedAt) {
      report.skipped.push({ board: b, wrId: r.wrId, reason: `no valid date (${r.datetime})` });
      continue;
    }
    const own = attachments.filter((f) => f.wrId === r.wrId);
    const checksum = sha([sectionId, r.subject, r.content, r.option, r.category, r.name, r.datetime, r.last, r.hit, r.seoTitle, own.map((f) => f.file)]);
    const prev = existingPosts.get(r.wrId);
    if (prev && prev.checksum === checksum) {
      report.posts.unchanged++;
      continue;
    }
    if (prev) updatedPosts.add(r.wrId);
    // Images are stored before the batch's transaction: a stored file is reused by the next run.
    const images = new Map<string, ImageRef>();
    for (const path of imagePathsIn(r.content, { ...run.ctxBase, image: () => undefined })) {
      const got = await run.files.get(path);
      if (isProblem(got)) report.brokenImages.push({ board: b, wrId: r.wrId, path, reason: got.reason });
      else images.set(path, got);
    }
    const attached: ImageRef[] = [];
    for (const f of own) {
      const path = `data/file/${b}/${f.file}`;
      if (!isImageName(f.file) && !isImageName(f.source)) {
        report.brokenImages.push({ board: b, wrId: r.wrId, path, reason: `attachment ${f.source || f.file} is not an image (not imported)` });
        continue;
      }
      const got = await run.files.get(path, { board: b, wrId: r.wrId, no: f.no });
      if (isProblem(got)) report.brokenImages.push({ board: b, wrId: r.wrId, path, reason: got.reason });
      else attached.push(got);
    }
    const body = convertBody(r.content, r.option, { ...run.ctxBase, image: (p) => images.get(p), attachments: attached }, opts.siteUrl);
    const updatedAt = wallTimeToUtc(r.last, opts.sourceTz);
    articles.push({
      board: b,
      wrId: r.wrId,
      articleId: prev?.id ?? null,
      checksum,
      seoTitle: r.seoTitle ? r.seoTitle.slice(0, 255) : null,
      sectionId,
      title: plainText(r.subject, 200) || "(제목 없음)",
      excerpt: makeExcerpt(htmlToText(body)),
      body,
      sourceName: board.subject,
      byline: plainText(r.name, 100) || null,
      publishedAt,
      updatedAt: updatedAt && updatedAt > publishedAt ? updatedAt : publishedAt,
      viewCount: Math.max(0, Math.min(r.hit, 2_147_483_647)),
      category: plainText(r.category, 30) || null,
    });
    const a = articles[articles.length - 1];
    if (!prev) a.search = searchRow({ title: a.title, subtitle: null, body: a.body, byline: a.byline });
  }

  const prepared: PreparedComment[] = [];
  for (const r of comments) {
    const createdAt = wallTimeToUtc(r.datetime, opts.sourceTz);
    if (r.option.split(",").includes("secret") || !createdAt) {
      report.skipped.push({ board: b, wrId: r.wrId, reason: createdAt ? "comment: secret (비밀댓글)" : "comment: no valid date" });
      continue;
    }
    const text = decodeEntities(r.content.replace(/<br\s*\/?>/gi, "\n").replace(/<[^>]*>/g, "")).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").trim().slice(0, 5000);
    const checksum = sha([r.parent, r.name, text, r.datetime]);
    const prev = existingComments.get(r.wrId);
    if (prev && prev.checksum === checksum) {
      report.comments.unchanged++;
      continue;
    }
    prepared.push({ r, checksum, prevId: prev?.id ?? null, text, createdAt });
  }
  const own = new Set(articles.map((a) => a.wrId));
  const parents = new Map<number, number>();
  for (const [wrId, v] of await mapRows(c, "gnuboard_posts", "article_id", b, [...new Set(prepared.map((m) => m.r.parent).filter((p) => !own.has(p)))])) parents.set(wrId, v.id);
  return { board: b, lastWrId: rows[rows.length - 1].wrId, articles, updatedPosts, comments: prepared, parents };
}

/** One transaction: the batch's articles, comments and the board's checkpoint. */
async function writeBatch(run: Run, batch: Batch, recent: Map<number, number>) {
  const { pg: c, report } = run;
  await c.query("BEGIN");
  try {
    await writeArticles(c, batch.articles, tagSlug);
    const written = new Map(batch.articles.map((a) => [a.wrId, a.articleId!]));
    const parent = (wrId: number) => written.get(wrId) ?? recent.get(wrId) ?? batch.parents.get(wrId);
    const commentRows: CommentRow[] = [];
    for (const m of batch.comments) {
      const articleId = parent(m.r.parent);
      if (!articleId) {
        report.skipped.push({ board: batch.board, wrId: m.r.wrId, reason: "comment: its post was not imported" });
        continue;
      }
      commentRows.push({ board: batch.board, wrId: m.r.wrId, commentId: m.prevId, checksum: m.checksum, articleId, nickname: plainText(m.r.name, 50) || "익명", body: m.text || "(내용 없음)", createdAt: m.createdAt });
    }
    const updatedComments = commentRows.filter((m) => m.commentId !== null).length;
    await writeComments(c, commentRows);
    await c.query("UPDATE gnuboard_boards SET last_wr_id = $2 WHERE board = $1", [batch.board, batch.lastWrId]);
    await c.query("COMMIT");
    recent.clear();
    for (const a of batch.articles) recent.set(a.wrId, a.articleId!);
    for (const a of batch.articles) (batch.updatedPosts.has(a.wrId) ? report.posts.updated++ : report.posts.imported++);
    report.comments.updated += updatedComments;
    report.comments.imported += commentRows.length - updatedComments;
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  }
}

async function mapRows(c: pg.Client, table: "gnuboard_posts" | "gnuboard_comments", idCol: string, board: string, wrIds: number[]) {
  const out = new Map<number, { id: number; checksum: string }>();
  if (!wrIds.length) return out;
  const r = await c.query<{ wr_id: number; id: number; checksum: string }>(`SELECT wr_id, ${idCol} AS id, checksum FROM ${table} WHERE board = $1 AND wr_id = ANY($2::int[])`, [board, wrIds]);
  for (const x of r.rows) out.set(x.wr_id, { id: x.id, checksum: x.checksum });
  return out;
}
