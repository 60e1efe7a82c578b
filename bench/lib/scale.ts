// What issue 14 asks of a big archive, measured once each on the running server: sitemaps,
// feeds (cold, time and the server's extra memory while answering), cold article renders
// per second, publish → visible, and the database's size per article.
import { createHmac, randomBytes } from "node:crypto";
import pg from "pg";
import { timedGet } from "./probe";
import { treeRssMb } from "./process-stats";
import type { Context } from "./measure";

export type Timing = { path: string; ms: number; status: number; kb: number; rssGrowthMb: number };
export type ColdRenders = { n: number; seconds: number; perSecond: number; concurrency: number; errors: number };
export type PublishVisible = { archiveMs?: number; sectionMs?: number; homeMs?: number; note?: string };
export type DbSize = {
  articles: number;
  databaseMb: number;
  bytesPerArticle: number;
  tables: { name: string; tableMb: number; indexesMb: number; bytesPerArticle: number }[];
  indexes: { name: string; mb: number; bytesPerArticle: number }[];
};
export type Scale = { timings: Timing[]; cold: ColdRenders[]; publish: PublishVisible; db: DbSize };

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** One cold request, with the server's RSS sampled every 20 ms while it answers. */
async function timedWithMemory(ctx: Context, path: string): Promise<Timing> {
  const before = treeRssMb(ctx.serverPid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssMb(ctx.serverPid))), 20);
  try {
    const r = await timedGet(ctx.baseUrl + path);
    peak = Math.max(peak, treeRssMb(ctx.serverPid));
    return { path, ms: Math.round(r.ms), status: r.status, kb: round(r.bytes / 1024), rssGrowthMb: round(peak - before) };
  } finally {
    clearInterval(timer);
  }
}

/** The sitemap index, its biggest month, the news sitemap and the RSS feed, each first asked. */
async function feeds(ctx: Context): Promise<Timing[]> {
  const index = await timedWithMemory(ctx, "/sitemap.xml");
  const xml = await (await fetch(`${ctx.baseUrl}/sitemap.xml`)).text();
  const months = [...xml.matchAll(/<loc>[^<]*(\/sitemaps\/articles-\d{4}-\d{2}\.xml)<\/loc>/g)].map((m) => m[1]);
  // The second newest month: a whole one (the newest may have just begun).
  const month = months[1] ?? months[0];
  const out = [index];
  if (month) out.push(await timedWithMemory(ctx, month));
  out.push(await timedWithMemory(ctx, "/news-sitemap.xml"), await timedWithMemory(ctx, "/rss.xml"));
  return out;
}

/** Article pages nothing has requested, `concurrency` at a time: renders per second. */
async function coldRenders(ctx: Context, ids: number[], concurrency: number): Promise<ColdRenders> {
  let next = 0;
  let errors = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ids.length) {
        const r = await timedGet(`${ctx.baseUrl}/articles/${ids[next++]}`);
        if (r.status !== 200) errors++;
      }
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  return { n: ids.length, seconds: round(seconds, 2), perSecond: round(ids.length / seconds), concurrency, errors };
}

/** ms until `path` contains `text` (polling every 25 ms), or undefined after 15 s. */
async function until(ctx: Context, path: string, text: string, start: number): Promise<number | undefined> {
  while (performance.now() - start < 15_000) {
    if ((await (await fetch(ctx.baseUrl + path)).text()).includes(text)) return Math.round(performance.now() - start);
    await new Promise((r) => setTimeout(r, 25));
  }
  return undefined;
}

/**
 * A due scheduled article is published the way the server's own timer does it (POST
 * /admin/publish-due with the key derived from the session secret), with the home page, the
 * archive and its section's first page cached beforehand: ms until each shows its title.
 */
async function publishVisible(ctx: Context): Promise<PublishVisible> {
  const secret = ctx.env.NEXTAUTH_SECRET;
  if (!secret) return { note: "not measured: no session secret" };
  const c = new pg.Client({ connectionString: ctx.databaseUrl });
  await c.connect();
  try {
    const title = `벤치 발행 ${randomBytes(3).toString("hex")}`;
    const slug = encodeURIComponent(ctx.facts.section.slug);
    const paths = { archiveMs: "/archive", sectionMs: `/categories/${slug}`, homeMs: "/" };
    for (const p of Object.values(paths)) await timedGet(ctx.baseUrl + p);
    await c.query(
      `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at)
       VALUES ($1, $2, '벤치', '<p>벤치</p>', '벤치', 'SCHEDULED', now() - interval '1 second', now())`,
      [ctx.facts.section.id, title],
    );
    const key = createHmac("sha256", secret).update("scheduler").digest("base64url");
    const start = performance.now();
    const r = await fetch(`${ctx.baseUrl}/admin/publish-due`, { method: "POST", headers: { "x-portal-scheduler": key } });
    await r.arrayBuffer();
    if (!r.ok) return { note: `not measured: publish-due answered ${r.status}` };
    const out: PublishVisible = {};
    for (const [k, p] of Object.entries(paths)) out[k as keyof typeof paths] = await until(ctx, p, title, start);
    return out;
  } finally {
    await c.end();
  }
}

async function dbSize(url: string): Promise<DbSize> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const n = Number((await c.query<{ n: string }>(`SELECT count(*)::text AS n FROM articles`)).rows[0].n) || 1;
    const db = (await c.query<{ b: string }>(`SELECT pg_database_size(current_database())::text AS b`)).rows[0].b;
    const tables = await c.query<{ name: string; t: string; i: string }>(
      `SELECT relname AS name, pg_table_size(oid)::text AS t, pg_indexes_size(oid)::text AS i FROM pg_class
       WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY pg_total_relation_size(oid) DESC LIMIT 8`,
    );
    const indexes = await c.query<{ name: string; b: string }>(
      `SELECT i.relname AS name, pg_relation_size(i.oid)::text AS b FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid WHERE t.relname IN ('articles', 'article_search', 'article_desk_search')
       ORDER BY pg_relation_size(i.oid) DESC`,
    );
    const mb = (b: string | number) => round(Number(b) / 2 ** 20);
    return {
      articles: n,
      databaseMb: mb(db),
      bytesPerArticle: Math.round(Number(db) / n),
      tables: tables.rows.map((r) => ({ name: r.name, tableMb: mb(r.t), indexesMb: mb(r.i), bytesPerArticle: Math.round((Number(r.t) + Number(r.i)) / n) })),
      indexes: indexes.rows.map((r) => ({ name: r.name, mb: mb(r.b), bytesPerArticle: Math.round(Number(r.b) / n) })),
    };
  } finally {
    await c.end();
  }
}

/** Cold renders first (ids nothing else requests), then feeds, then a publish. */
export async function measureScale(ctx: Context): Promise<Scale> {
  const ids = ctx.facts.coldMany;
  const half = Math.floor(ids.length / 2);
  ctx.log(`cold article renders: ${half} one at a time, ${ids.length - half} four at a time`);
  const cold = [await coldRenders(ctx, ids.slice(0, half), 1), await coldRenders(ctx, ids.slice(half), 4)];
  ctx.log("sitemaps and feeds, first requests");
  const timings = await feeds(ctx);
  const publish = await publishVisible(ctx);
  return { timings, cold, publish, db: await dbSize(ctx.databaseUrl) };
}
