// One batch of a board: prepared (lookups, images, conversion, checksums, search rows) on the
// reader connection while the previous batch is written, then written in one transaction with
// the board's checkpoint, so a batch is in the database whole or not at all.
import { createHash } from "node:crypto";
import type pg from "pg";
import { makeExcerpt, htmlToText } from "../../format";
import { tagSlug } from "../../validations/tags";
import type { ImageRef } from "../../types";
import { searchRow } from "../../seed/search-rows";
import { convertBody, imagePathsIn, type BodyContext } from "./body";
import { wallTimeToUtc } from "./dates";
import { decodeEntities, plainText } from "./decode";
import { isImageName, isProblem, type FileImporter } from "./files";
import type { ImportOptions } from "./index";
import type { ImportReport } from "./report";
import type { GnuboardSource, SourceBoard, SourceRow } from "./source";
import { writeArticles, writeComments, type ArticleRow, type CommentRow } from "./write";

// `pg` writes the batches (one transaction each); `reader` looks up mappings and stores images
// meanwhile, so the next batch is prepared while PostgreSQL writes the previous one.
export type Run = { opts: Required<Pick<ImportOptions, "sourceTz" | "batchSize" | "siteUrl">> & ImportOptions; pg: pg.Client; reader: pg.Client; source: GnuboardSource; files: FileImporter; report: ImportReport; rows: number; ctxBase: Omit<BodyContext, "image" | "attachments"> };

const sha = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("hex").slice(0, 32);

type PreparedComment = { r: SourceRow; checksum: string; prevId: number | null; text: string; createdAt: Date };
export type Batch = {
  board: string;
  lastWrId: number;
  articles: ArticleRow[];
  updatedPosts: Set<number>;
  comments: PreparedComment[];
  /** Parents known from committed rows when the batch was prepared. */
  parents: Map<number, number>;
};

/** Everything about a batch that needs no write: lookups, images, conversion, checksums. */
export async function prepareBatch(run: Run, board: SourceBoard, sectionId: number, rows: SourceRow[]): Promise<Batch> {
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
      hasLinks: body.includes(`${opts.siteUrl}/bbs/board.php?bo_table=`),
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
export async function writeBatch(run: Run, batch: Batch, recent: Map<number, number>) {
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

export async function mapRows(c: pg.Client, table: "gnuboard_posts" | "gnuboard_comments", idCol: string, board: string, wrIds: number[]) {
  const out = new Map<number, { id: number; checksum: string }>();
  if (!wrIds.length) return out;
  const r = await c.query<{ wr_id: number; id: number; checksum: string }>(`SELECT wr_id, ${idCol} AS id, checksum FROM ${table} WHERE board = $1 AND wr_id = ANY($2::int[])`, [board, wrIds]);
  for (const x of r.rows) out.set(x.wr_id, { id: x.id, checksum: x.checksum });
  return out;
}
