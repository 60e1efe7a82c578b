// A throwaway PostgreSQL cluster of a test's own, migrated and seeded as `npm start` does it:
// the e2e global setup, the cluster rig and the outage rig each need one.
import { join } from "node:path";
import { startEmbeddedPostgres, type RunningPostgres } from "../../lib/server/embedded-postgres";
import { migrate } from "../../lib/server/migrate";
import { assertLocalDatabase } from "./db";

export type SeededCluster = { pg: RunningPostgres; databaseUrl: string; uploadDir: string };

/**
 * Starts a cluster in `dir`, migrates it and writes `articles` demo articles (photos into
 * `dir/uploads`). By default everything runs as the app's own role, as `npm start` does;
 * `superuser` is for a rig that must stop and start the server itself. The caller stops `pg`.
 */
export async function seededCluster(dir: string, o: { articles: number; persistent?: boolean; superuser?: boolean }): Promise<SeededCluster> {
  const pg = await startEmbeddedPostgres({ dir, persistent: o.persistent ?? false, quiet: true });
  try {
    assertLocalDatabase(pg.url);
    const databaseUrl = o.superuser ? pg.url : pg.appUrl;
    await migrate(databaseUrl);
    const { seedDatabase } = await import("../../lib/seed/index");
    const uploadDir = join(dir, "uploads");
    await seedDatabase(databaseUrl, { articles: o.articles, uploadDir, log: () => {} });
    return { pg, databaseUrl, uploadDir };
  } catch (e) {
    await pg.stop();
    throw e;
  }
}
