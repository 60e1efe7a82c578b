// `npm run seed -- --articles 100000 [--reset | --append]`: fills DATABASE_URL (or, when it
// is unset, the embedded database of DATA_DIR, as the app's role) with demo content after
// applying pending migrations, with a progress bar on stderr.
import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import pg from "pg";
import { envOrExit } from "../lib/env";
import { embeddedDatabase } from "../lib/server/embedded-postgres";
import { migrate } from "../lib/server/migrate";
import { seedDatabase } from "../lib/seed/index";
import { storage } from "../lib/storage";

const USAGE = `usage: npm run seed -- [--articles N] [--reset | --append]
  --articles N  how many demo articles to write (default 5000)
  --reset       empty articles, comments, counters, sections and images first
  --append      add to a database that already has articles
environment: DATABASE_URL (default: the embedded database in DATA_DIR, running or not),
  DATA_DIR (default .data), UPLOAD_DIR (default $DATA_DIR/uploads); MEDIA_STORAGE=s3 and S3_*
  put the demo photos in the bucket instead`;

const fail = (message: string): never => {
  console.error(`seed: ${message}`);
  process.exit(1);
};

async function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        articles: { type: "string", default: "5000" },
        reset: { type: "boolean", default: false },
        append: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (args.help) return console.log(USAGE);
  const articles = Number(args.articles);
  if (!Number.isInteger(articles) || articles < 0 || articles > 5_000_000) return fail(`--articles must be a whole number from 0 to 5000000, not "${args.articles}"`);
  if (args.reset && args.append) return fail("use either --reset or --append, not both");

  const settings = envOrExit();
  const db = settings.DATABASE_URL ? { url: settings.DATABASE_URL, stop: async () => {} } : await embeddedDatabase(resolve(settings.DATA_DIR));
  try {
    const photos = settings.MEDIA_STORAGE === "s3" ? `bucket ${settings.S3_BUCKET}` : resolve(settings.UPLOAD_DIR);
    await seed(db.url, photos, args);
  } finally {
    await db.stop();
  }
  // Explicit: embedded-postgres' exit hook would otherwise turn every exit code into 0.
  process.exit(0);
}

async function seed(url: string, photos: string, args: { articles: string; reset: boolean; append: boolean }) {
  const articles = Number(args.articles);
  const root = resolve(import.meta.dirname, "..");

  const applied = await migrate(url, { dir: join(root, "prisma", "migrations"), log: (m) => console.log(`seed: ${m}`) });
  if (applied.length === 0) console.log("seed: database schema is up to date");

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const existing = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM articles").finally(() => client.end());
  const n = existing.rows[0].n;
  if (n > 0 && !args.reset && !args.append) {
    throw new Error(`the database already has ${n} articles; add --reset to replace them or --append to add to them`);
  }

  const r = await seedDatabase(url, { articles, store: storage(), reset: args.reset, progress: true, log: (m) => console.log(`seed: ${m}`) });
  console.log(`seed: ${r.sections} sections, ${r.articles} articles, ${r.images} images in ${(r.ms / 1000).toFixed(1)} s (photos in ${photos})`);
}

main().catch((e) => fail((e as Error).message));
