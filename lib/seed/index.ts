// Writes the demo content (sections, photos, articles) straight through `pg`: multi-row
// INSERTs from unnest() in one transaction, with the per-row counter trigger switched off and
// article_counters rebuilt at the end. 100,000 articles take a couple of minutes on 2 cores.
import pg from "pg";
import { DEFAULT_SEED, SECTIONS, generateArticle, type GeneratedArticle } from "./content";
import { describeSeedImages, ensureSeedImages } from "./images";
import type { FileStorage } from "../storage";
import { LocalStorage } from "../storage/local";

export type SeedOptions = {
  articles: number;
  /** Where the demo photos go: a store (the configured bucket, say), or else this folder. */
  store?: FileStorage;
  uploadDir?: string;
  log?: (s: string) => void;
  /** Progress bar on stderr (also shown whenever stdout is a terminal). */
  progress?: boolean;
  /** Empty the content tables (articles, comments, counters, sections, images) first. */
  reset?: boolean;
  seed?: number;
  /** "Now" of the archive: the newest articles are from the 40 hours before it. */
  now?: Date;
  batchSize?: number;
};
export type SeedResult = { sections: number; articles: number; images: number; ms: number };

const ARTICLE_COLUMNS = [
  ["legacy_id", "int"], ["section_id", "int"], ["title", "text"], ["subtitle", "text"], ["excerpt", "text"], ["body", "text"],
  ["source_name", "text"], ["byline", "text"], ["editor_name", "text"], ["status", '"ArticleStatus"'], ["published_at", "timestamp(3)"],
  ["created_at", "timestamp(3)"], ["updated_at", "timestamp(3)"], ["view_count", "int"], ["cover_image_id", "int"], ["cover_caption", "text"],
] as const;
const INSERT_ARTICLES = `INSERT INTO articles (${ARTICLE_COLUMNS.map(([c]) => c).join(", ")})
  SELECT * FROM unnest(${ARTICLE_COLUMNS.map(([, t], i) => `$${i + 1}::${t}[]`).join(", ")})`;

/** The columns are `timestamp without time zone` holding UTC, as Prisma writes them. */
const utc = (d: Date | null) => (d ? d.toISOString().slice(0, 23).replace("T", " ") : null);

function columns(rows: GeneratedArticle[], sectionIds: Map<string, number>, imageIds: Map<string, number>): unknown[][] {
  const cols: unknown[][] = ARTICLE_COLUMNS.map(() => new Array(rows.length));
  rows.forEach((a, i) => {
    const values = [
      a.legacyId, sectionIds.get(a.sectionSlug), a.title, a.subtitle, a.excerpt, a.body, a.sourceName, a.byline, a.editorName, a.status,
      utc(a.publishedAt), utc(a.createdAt), utc(a.updatedAt), a.viewCount, a.coverImage ? imageIds.get(a.coverImage) : null, a.coverCaption,
    ];
    values.forEach((v, c) => (cols[c][i] = v ?? null));
  });
  return cols;
}

function progressBar(total: number, enabled: boolean) {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastDraw = 0;
  let lastQuarter = -1;
  return (done: number) => {
    if (!enabled || total === 0) return;
    const share = done / total;
    const secs = Math.round((Date.now() - started) / 1000);
    const line = `[${"#".repeat(Math.round(share * 20)).padEnd(20, ".")}] ${String(Math.floor(share * 100)).padStart(3)}% ${done}/${total} articles  ${secs}s`;
    if (tty) {
      if (done < total && Date.now() - lastDraw < 100) return;
      lastDraw = Date.now();
      process.stderr.write(`\r${line}${done === total ? "\n" : ""}`);
    } else if (Math.floor(share * 4) > lastQuarter) {
      // Logs are not terminals: one line per quarter instead of a redrawn bar.
      lastQuarter = Math.floor(share * 4);
      process.stderr.write(`${line}\n`);
    }
  };
}

export async function seedDatabase(url: string, opts: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const now = opts.now ?? new Date();
  const total = Math.max(0, Math.floor(opts.articles));
  const batchSize = opts.batchSize ?? 1000;

  // The photos are drawn (sharp's threads) while PostgreSQL writes the articles; their rows are
  // known beforehand and get their file sizes just before COMMIT.
  const images = describeSeedImages();
  const store = opts.store ?? (opts.uploadDir ? new LocalStorage(opts.uploadDir) : null);
  if (!store) throw new Error("seedDatabase needs a store or an uploadDir for the demo photos");
  const drawing = ensureSeedImages(store).then((r) => {
    log(`${r.images.length} demo photos ready (${r.rendered} drawn, ${r.images.length - r.rendered} reused) in ${Date.now() - started} ms`);
    return r;
  });
  drawing.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let written = 0;
  try {
    await client.query("BEGIN");
    if (opts.reset) await client.query("TRUNCATE articles, comments, article_counters, sections, images RESTART IDENTITY CASCADE");

    await client.query(
      `INSERT INTO sections (slug, name, position, legacy_board)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[]) ON CONFLICT DO NOTHING`,
      [SECTIONS.map((s) => s.slug), SECTIONS.map((s) => s.name), SECTIONS.map((s) => s.position), SECTIONS.map((s) => s.legacyBoard)],
    );
    const sec = await client.query<{ id: number; slug: string }>("SELECT id, slug FROM sections WHERE slug = ANY($1)", [SECTIONS.map((s) => s.slug)]);
    const sectionIds = new Map(sec.rows.map((r) => [r.slug, r.id]));
    const missing = SECTIONS.filter((s) => !sectionIds.has(s.slug));
    if (missing.length) throw new Error(`sections ${missing.map((s) => s.slug).join(", ")} could not be created (legacy_board taken?)`);

    const img = await client.query<{ id: number; storage_key: string }>(
      `INSERT INTO images (storage_key, mime, width, height, bytes, alt, caption, variants)
       SELECT k, m, w, h, b, a, c, v::jsonb FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[]) AS t(k, m, w, h, b, a, c, v)
       ON CONFLICT (storage_key) DO UPDATE SET bytes = EXCLUDED.bytes, variants = EXCLUDED.variants
       RETURNING id, storage_key`,
      [
        images.map((i) => i.storageKey), images.map((i) => i.mime), images.map((i) => i.width), images.map((i) => i.height),
        images.map((i) => i.bytes), images.map((i) => i.alt), images.map((i) => i.caption), images.map((i) => JSON.stringify(i.variants)),
      ],
    );
    const byKey = new Map(img.rows.map((r) => [r.storage_key, r.id]));
    const imageIds = new Map(images.map((i) => [i.name, byKey.get(i.storageKey)!]));

    // An appended run continues the article stream and the legacy id range instead of repeating them.
    const prior = await client.query<{ n: number; max: number | null }>("SELECT count(*)::int AS n, max(legacy_id) AS max FROM articles");
    const indexOffset = prior.rows[0].n;
    const legacyBase = Math.max(100_000, (prior.rows[0].max ?? 0) + 1);

    await client.query("ALTER TABLE articles DISABLE TRIGGER articles_count_published");
    const tick = progressBar(total, !!opts.progress || !!process.stdout.isTTY);
    const gen = { total, now, images, seed: opts.seed ?? DEFAULT_SEED, legacyBase, indexOffset };
    let pending: Promise<unknown> | null = null;
    let pendingCount = 0;
    for (let start = 0; start < total; start += batchSize) {
      const rows: GeneratedArticle[] = [];
      for (let i = start; i < Math.min(total, start + batchSize); i++) rows.push(generateArticle(i, gen));
      // Generate the next batch while PostgreSQL writes the previous one.
      if (pending) {
        await pending;
        written += pendingCount;
        tick(written);
      }
      pending = client.query(INSERT_ARTICLES, columns(rows, sectionIds, imageIds));
      pendingCount = rows.length;
    }
    if (pending) {
      await pending;
      written += pendingCount;
      tick(written);
    }

    const drawn = (await drawing).images;
    await client.query("UPDATE images SET bytes = v.b FROM unnest($1::text[], $2::int[]) AS v(k, b) WHERE storage_key = v.k", [
      drawn.map((i) => i.storageKey),
      drawn.map((i) => i.bytes),
    ]);
    await client.query("DELETE FROM article_counters");
    await client.query(
      `INSERT INTO article_counters (section_id, published)
       SELECT 0, count(*)::int FROM articles WHERE status = 'PUBLISHED' AND deleted_at IS NULL
       UNION ALL
       SELECT s.id, count(a.id)::int FROM sections s
         LEFT JOIN articles a ON a.section_id = s.id AND a.status = 'PUBLISHED' AND a.deleted_at IS NULL
       GROUP BY s.id`,
    );
    await client.query("ALTER TABLE articles ENABLE TRIGGER articles_count_published");
    await client.query("COMMIT");
    // Fresh planner statistics, so the first page views use the indexes.
    await client.query("ANALYZE sections, images, articles, article_counters");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    await drawing.catch(() => {}); // never leave sharp writing files behind a failed seed
    throw e;
  } finally {
    await client.end();
  }
  return { sections: SECTIONS.length, articles: written, images: images.length, ms: Date.now() - started };
}
