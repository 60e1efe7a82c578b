// `npm start`: database (embedded unless DATABASE_URL is set), migrations, demo content on
// an empty database, a production build when the sources changed, then `next start`.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type RunningPostgres } from "../lib/server/embedded-postgres";
import { migrate } from "../lib/server/migrate";
import { seedDatabase } from "../lib/seed/index";
import { ensureInitialAdmin } from "../lib/auth/bootstrap";
import { envOrExit } from "../lib/env";
import { storage } from "../lib/storage";
import { sourceStamp } from "./lib/source-stamp";

const root = resolve(import.meta.dirname, "..");
process.chdir(root);
const log = (m: string) => console.log(`[portal] ${m}`);
const settings = envOrExit();
const port = settings.PORT;
const dataDir = resolve(settings.DATA_DIR);
const uploadDir = resolve(settings.UPLOAD_DIR);

let embedded: RunningPostgres | null = null;
let stopping = false;

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

async function main() {
  let url = settings.DATABASE_URL;
  if (!url) {
    log(`starting embedded PostgreSQL (data in ${dataDir}/pg)`);
    embedded = await startEmbeddedPostgres({ dir: dataDir, port: settings.EMBEDDED_PG_PORT, quiet: true });
    // Migrations and the app run as the database's owner, not as the superuser.
    url = embedded.appUrl;
    log(`the app connects as role "${new URL(url).username}" (owner of the database, not a superuser)`);
  }
  const applied = await migrate(url, { log });
  if (applied.length === 0) log("database schema is up to date");
  const ident = await databaseIdentity(url);
  if (ident.empty) {
    log("empty database: adding demo content");
    const r = await seedDatabase(url, { articles: settings.SEED_ARTICLES, store: storage(), log, progress: true });
    log(`demo content: ${r.sections} sections, ${r.articles} articles, ${r.images} images in ${(r.ms / 1000).toFixed(1)} s`);
  }

  const first = await ensureInitialAdmin(url);
  // The password never goes to the console: whatever captures this process's output (a
  // terminal log, journald) would keep it. It goes to a file only this user can read.
  let adminNote: string | null = null;
  if (first) {
    const file = resolve(dataDir, "first-admin-password");
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${first.email}\n${first.password}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    adminNote = `first admin account: ${first.email}, password in ${file} (only you can read it). Sign in at http://localhost:${port}/admin/login, change the password under 내 계정, then delete the file.`;
  }

  const env = { ...process.env, DATABASE_URL: url, UPLOAD_DIR: uploadDir, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
  const stampFile = resolve(".next/portal-build-stamp");
  const stamp = `${sourceStamp(root)} ${ident.id}`;
  const built = existsSync(".next/BUILD_ID") && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
  if (!built) {
    log("building the production app (first start, changed sources or another database)...");
    // Next keeps its data cache across builds; entries read from another database must go.
    rmSync(".next/cache/fetch-cache", { recursive: true, force: true });
    const b = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env });
    if (b.status !== 0) throw new Error("next build failed");
    writeFileSync(stampFile, stamp);
  }

  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], { stdio: ["ignore", "pipe", "inherit"], env });
  server.stdout.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (/Ready in|started server/i.test(text)) {
      log(`portal ready at http://localhost:${port}/`);
      if (adminNote) log(adminNote);
    }
  });
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("stopping...");
    if (server.exitCode === null) server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode === null ? server.once("exit", r) : r(null)));
    if (embedded) await embedded.stop();
    log("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 0));
}

main().catch(async (e) => {
  console.error(`[portal] ${(e as Error).message}`);
  if (embedded) await embedded.stop().catch(() => {});
  process.exit(1);
});
