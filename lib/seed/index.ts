// Writes the demo content (sections, photos, articles) straight through `pg`, in one
// transaction: the articles and their search-index rows with COPY (the rows the per-row
// triggers would derive are computed here, lib/seed/search-rows.ts, or refilled in one
// statement each, lib/seed/derived.ts), into tables stripped of their secondary indexes when
// they start empty. A million articles take about ten minutes on 2 cores (README, "Seeding").
import pg from "pg";
import { DEFAULT_SEED, SECTIONS, generateArticle, type GeneratedArticle } from "./content";
import { describeSeedImages, ensureSeedImages } from "./images";
import { ARTICLE_COPY_COLUMNS, DESK_SEARCH_COPY_COLUMNS, SEARCH_COPY_COLUMNS, batchText } from "./article-rows";
import { derivingTriggers, detach, restore, setTriggers, type Detached } from "./bulk";
import { copyInto } from "./copy";
import { checkSearchRows, fillArticleImages, rebuildCounters } from "./derived";
import { phase, step } from "./progress";
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
export type SeedResult = {
  sections: number;
  articles: number;
  images: number;
  ms: number;
  /** Milliseconds per phase (articles, each index, derived rows, vacuum...). */
  phases: Record<string, number>;
};

/** The tables the COPY fills; stripped of secondary indexes and foreign keys when empty. */
const LOADED = ["articles", "article_search", "article_desk_search", "article_images"];

async function writeSections(client: pg.Client) {
  await client.query(
    `INSERT INTO sections (slug, name, position, legacy_board)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[]) ON CONFLICT DO NOTHING`,
    [SECTIONS.map((s) => s.slug), SECTIONS.map((s) => s.name), SECTIONS.map((s) => s.position), SECTIONS.map((s) => s.legacyBoard)],
  );
  const sec = await client.query<{ id: number; slug: string }>("SELECT id, slug FROM sections WHERE slug = ANY($1)", [SECTIONS.map((s) => s.slug)]);
  const sectionIds = new Map(sec.rows.map((r) => [r.slug, r.id]));
  const missing = SECTIONS.filter((s) => !sectionIds.has(s.slug));
  if (missing.length) throw new Error(`sections ${missing.map((s) => s.slug).join(", ")} could not be created (legacy_board taken?)`);
  return sectionIds;
}

async function writeImageRows(client: pg.Client, images: ReturnType<typeof describeSeedImages>) {
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
  return new Map(images.map((i) => [i.name, byKey.get(i.storageKey)!]));
}

/** A promise awaited later, marked handled now so that an early failure is not "unhandled". */
const later = <T>(p: Promise<T>) => (p.catch(() => {}), p);

export async function seedDatabase(url: string, opts: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const now = opts.now ?? new Date();
  const total = Math.max(0, Math.floor(opts.articles));
  const batchSize = opts.batchSize ?? 2000;
  const show = !!opts.progress || !!process.stdout.isTTY;
  const phases: Record<string, number> = {};
  const timed = async (label: string, fn: () => Promise<unknown>) => {
    phases[label] = (await step(label, show, fn)).ms;
  };

  // The photos are drawn (sharp's threads) while PostgreSQL writes the articles; their rows are
  // known beforehand and get their file sizes just before COMMIT.
  const images = describeSeedImages();
  const store = opts.store ?? (opts.uploadDir ? new LocalStorage(opts.uploadDir) : null);
  if (!store) throw new Error("seedDatabase needs a store or an uploadDir for the demo photos");
  const drawing = later(
    ensureSeedImages(store).then((r) => {
      log(`${r.images.length} demo photos ready (${r.rendered} drawn, ${r.images.length - r.rendered} reused) in ${Date.now() - started} ms`);
      return r;
    }),
  );

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let written = 0;
  try {
    await client.query("BEGIN");
    if (opts.reset) await client.query("TRUNCATE articles, comments, article_counters, sections, images RESTART IDENTITY CASCADE");
    const sectionIds = await writeSections(client);
    const imageIds = await writeImageRows(client, images);

    // An appended run continues the article stream, the ids and the legacy id range.
    const prior = await client.query<{ n: number; max: number | null; id: number }>(
      `SELECT count(*)::int AS n, max(legacy_id) AS max,
              greatest(nextval(pg_get_serial_sequence('articles', 'id')), coalesce(max(id), 0) + 1)::int AS id FROM articles`,
    );
    const { n: indexOffset, id: firstId } = prior.rows[0];
    const legacyBase = Math.max(100_000, (prior.rows[0].max ?? 0) + 1);

    // All of this is undone by ROLLBACK if the seed fails: DDL is transactional in PostgreSQL.
    const triggers = await derivingTriggers(client);
    await setTriggers(client, triggers.names, false);
    const detached: Detached | null = indexOffset === 0 && total > 0 ? await detach(client, LOADED) : null;
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");

    const bar = phase("articles", total, "articles", show);
    const gen = { total, now, images, seed: opts.seed ?? DEFAULT_SEED, legacyBase, indexOffset };
    let pending: Promise<unknown> | null = null;
    let pendingCount = 0;
    for (let start = 0; start < total; start += batchSize) {
      const rows: GeneratedArticle[] = [];
      for (let i = start; i < Math.min(total, start + batchSize); i++) rows.push(generateArticle(i, gen));
      const text = batchText(rows, firstId + start, sectionIds, imageIds);
      // PostgreSQL writes the previous batch while this one was generated.
      if (pending) {
        await pending;
        written += pendingCount;
        bar.tick(written);
      }
      pending = later(
        Promise.all([
          copyInto(client, "articles", ARTICLE_COPY_COLUMNS, text.articles),
          text.search && copyInto(client, "article_search", SEARCH_COPY_COLUMNS, text.search),
          text.desk && copyInto(client, "article_desk_search", DESK_SEARCH_COPY_COLUMNS, text.desk),
        ]),
      );
      pendingCount = rows.length;
    }
    if (pending) {
      await pending;
      written += pendingCount;
    }
    phases.articles = bar.end();
    if (total > 0) await client.query("SELECT setval(pg_get_serial_sequence('articles', 'id'), $1)", [firstId + total - 1]);

    await timed("article_images", () => fillArticleImages(client, firstId));
    await timed("article_counters", () => rebuildCounters(client));
    for (const fn of triggers.rebuilds) await timed(`${fn}()`, () => client.query(`SELECT "${fn}"()`));
    if (detached) await restore(client, detached, timed);
    await setTriggers(client, triggers.names, true);
    await timed("check", () => checkSearchRows(client, firstId, total));

    const drawn = (await drawing).images;
    await client.query("UPDATE images SET bytes = v.b FROM unnest($1::text[], $2::int[]) AS v(k, b) WHERE storage_key = v.k", [
      drawn.map((i) => i.storageKey),
      drawn.map((i) => i.bytes),
    ]);
    await timed("commit", () => client.query("COMMIT"));
    // Fresh statistics for the planner, and a visibility map so that index-only scans skip the heap.
    await timed("vacuum", () => client.query(`VACUUM (ANALYZE) sections, images, article_counters, ${LOADED.join(", ")}`));
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    await drawing.catch(() => {}); // never leave sharp writing files behind a failed seed
    throw e;
  } finally {
    await client.end();
  }
  const ms = Date.now() - started;
  log(`phases: ${Object.entries(phases).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(", ")}`);
  return { sections: SECTIONS.length, articles: written, images: images.length, ms, phases };
}

