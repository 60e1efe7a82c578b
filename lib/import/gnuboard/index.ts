// `npm run import:gnuboard`: a GnuBoard5 site into the portal. Boards become sections, posts
// published articles, comments comments, images go through the upload pipeline. Each board is
// read in wr_id order in batches; a batch's articles, comments, mapping rows and the board's
// checkpoint commit together, so a run killed at any point continues from its last batch, and
// a finished board is read again from the start next time, skipping rows whose checksum is
// unchanged and updating the others. Ends with a pass that points links between old posts at
// the new articles.
import pg from "pg";
import type { FileStorage } from "../../storage";
import { prepareBatch, writeBatch, type Run } from "./batch";
import { checkZone } from "./dates";
import { FileImporter, filesRoot } from "./files";
import { rewriteLegacyLinks } from "./links";
import { sectionFor, type BoardMapping } from "./mapping";
import { progressBar } from "./progress";
import { emptyReport, type ImportReport } from "./report";
import { GnuboardSource, type SourceBoard } from "./source";

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
