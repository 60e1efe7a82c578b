// `npm run import:gnuboard -- --mysql-url mysql://user:pass@host/db [--boards a,b] [--files DIR] [--map FILE]`:
// a GnuBoard5 site into DATABASE_URL (or the embedded database of DATA_DIR), after applying
// pending migrations. Safe to interrupt and to run again: see lib/import/gnuboard/index.ts.
import { parseArgs } from "node:util";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { envOrExit } from "../lib/env";
import { embeddedDatabase } from "../lib/server/embedded-postgres";
import { migrate } from "../lib/server/migrate";
import { storage } from "../lib/storage";
import { importGnuboard } from "../lib/import/gnuboard/index";
import { readMapping } from "../lib/import/gnuboard/mapping";
import { formatReport } from "../lib/import/gnuboard/report";
import { checkZone } from "../lib/import/gnuboard/dates";

const USAGE = `usage: npm run import:gnuboard -- --mysql-url mysql://USER:PASS@HOST:PORT/DB [options]
  --boards a,b        only these boards (bo_table), default all of g5_board
  --files DIR         GnuBoard's web root (holding data/) or its data/ folder, for images
  --map FILE          JSON: {"board": {"section": "slug", "name": "이름"}, ...} to rename and merge boards
  --source-tz ZONE    the zone wr_datetime was written in (default Asia/Shanghai; Asia/Seoul for KST)
  --old-url URL       the old site's address, so its absolute links and images are recognised
  --prefix P          GnuBoard's table prefix (default g5_)
  --batch N           rows per transaction (default 500)
  --report FILE       write the full report (every skip and broken image) as JSON
environment: DATABASE_URL (default: the embedded database in DATA_DIR), SITE_URL, UPLOAD_DIR or MEDIA_STORAGE=s3`;

const fail = (message: string): never => {
  console.error(`import:gnuboard: ${message}`);
  process.exit(1);
};

async function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        "mysql-url": { type: "string" },
        boards: { type: "string" },
        files: { type: "string" },
        map: { type: "string" },
        "source-tz": { type: "string", default: "Asia/Shanghai" },
        "old-url": { type: "string" },
        prefix: { type: "string", default: "g5_" },
        batch: { type: "string", default: "500" },
        report: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (args.help) return console.log(USAGE);
  if (!args["mysql-url"] || !/^mysql:\/\//.test(args["mysql-url"])) return fail(`--mysql-url mysql://… is required\n${USAGE}`);
  const batchSize = Number(args.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) return fail("--batch must be a whole number from 1 to 10000");
  try {
    checkZone(args["source-tz"]!);
  } catch {
    return fail(`--source-tz: unknown time zone "${args["source-tz"]}"`);
  }
  if (args["old-url"] && !/^https?:\/\/[^/]+/.test(args["old-url"])) return fail("--old-url must be an http(s) address");
  const mapping = args.map ? readMapping(resolve(args.map)) : {};
  const boards = args.boards ? args.boards.split(",").map((s) => s.trim()).filter(Boolean) : undefined;

  const settings = envOrExit();
  const db = settings.DATABASE_URL ? { url: settings.DATABASE_URL, stop: async () => {} } : await embeddedDatabase(resolve(settings.DATA_DIR));
  // Ctrl-C finishes the batch in hand and stops; the next run continues from there.
  const stop = new AbortController();
  process.once("SIGINT", () => {
    console.error("\nimport:gnuboard: stopping after this batch (Ctrl-C again to quit at once)");
    stop.abort();
    process.once("SIGINT", () => process.exit(130));
  });
  try {
    await migrate(db.url, { dir: join(import.meta.dirname, "..", "prisma", "migrations"), log: (m) => console.log(`import:gnuboard: ${m}`) });
    const report = await importGnuboard({
      mysqlUrl: args["mysql-url"],
      databaseUrl: db.url,
      siteUrl: settings.SITE_URL,
      store: storage(),
      boards,
      filesDir: args.files,
      mapping,
      sourceTz: args["source-tz"],
      oldUrl: args["old-url"],
      prefix: args.prefix,
      batchSize,
      signal: stop.signal,
      progress: true,
    });
    console.log(formatReport(report));
    if (args.report) writeFileSync(resolve(args.report), JSON.stringify(report, null, 2));
  } finally {
    await db.stop();
  }
  process.exit(0);
}

main().catch((e) => fail((e as Error).message));
