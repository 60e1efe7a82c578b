// The database steps `npm start` and `npm run cluster` share: the embedded PostgreSQL unless
// DATABASE_URL is set, migrations, demo content on an empty database and the first admin
// (scripts/lib/first-admin.ts: its password goes to a 0600 file, never the console).
import { resolve } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type RunningPostgres } from "../../lib/server/embedded-postgres";
import { migrate } from "../../lib/server/migrate";
import { seedDatabase } from "../../lib/seed/index";
import { storage } from "../../lib/storage";
import type { Env } from "../../lib/env";
import { firstAdminNote } from "./first-admin";

export type PortalDatabase = {
  /** The app's connection (the database owner's role, not a superuser). */
  url: string;
  /** The embedded server's superuser (to make replicas of it), or null with DATABASE_URL. */
  superuserUrl: string | null;
  /** Identifies this database (cluster + database name), for the build stamp. */
  identity: string;
  /** The line saying where the first admin's password is, when this start created the account. */
  adminNote: string | null;
  /** Stops the embedded server, if one was started. */
  stop: () => Promise<void>;
};

async function databaseIdentity(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const id = await c.query<{ id: string }>("SELECT system_identifier::text AS id FROM pg_control_system()");
    const n = await c.query<{ n: string }>("SELECT count(*)::text AS n FROM (SELECT 1 FROM articles LIMIT 1) x");
    return { id: `${id.rows[0].id}/${new URL(url).pathname}`, empty: n.rows[0].n === "0" };
  } finally {
    await c.end();
  }
}

export async function preparePortalDatabase(settings: Env, signInUrl: string, log: (m: string) => void): Promise<PortalDatabase> {
  const dataDir = resolve(settings.DATA_DIR);
  let embedded: RunningPostgres | null = null;
  let url = settings.DATABASE_URL;
  if (!url) {
    log(`starting embedded PostgreSQL (data in ${dataDir}/pg)`);
    embedded = await startEmbeddedPostgres({ dir: dataDir, port: settings.EMBEDDED_PG_PORT, quiet: true });
    // Migrations and the app run as the database's owner, not as the superuser.
    url = embedded.appUrl;
    log(`the app connects as role "${new URL(url).username}" (owner of the database, not a superuser)`);
  }
  const stop = async () => {
    await embedded?.stop();
    embedded = null;
  };
  try {
    const applied = await migrate(url, { log });
    if (applied.length === 0) log("database schema is up to date");
    const ident = await databaseIdentity(url);
    if (ident.empty) {
      log("empty database: adding demo content");
      // Into the configured store (the bucket with MEDIA_STORAGE=s3, else UPLOAD_DIR).
      const r = await seedDatabase(url, { articles: settings.SEED_ARTICLES, store: storage(), log, progress: true });
      log(`demo content: ${r.sections} sections, ${r.articles} articles, ${r.images} images in ${(r.ms / 1000).toFixed(1)} s`);
    }
    const adminNote = await firstAdminNote(url, dataDir, signInUrl);
    return { url, superuserUrl: embedded?.url ?? null, identity: ident.id, adminNote, stop };
  } catch (e) {
    await stop().catch(() => {});
    throw e;
  }
}
