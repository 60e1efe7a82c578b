// `npm run serve`: one instance of a deployment with several (see README, "Read replicas" and
// the deployment notes). Unlike `npm start` it starts no database and builds nothing: the
// settings are checked, DATABASE_URL is required, migrations run (a second instance starting
// at the same time waits for the first one's advisory lock instead of failing), the first
// admin is made if there is no account (exactly once, whichever instance gets there first),
// then `next start` serves the existing build (`npm run build`) on PORT.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { envOrExit } from "../lib/env";
import { migrate } from "../lib/server/migrate";
import { firstAdminNote } from "./lib/first-admin";

const root = resolve(import.meta.dirname, "..");
process.chdir(root);
const log = (m: string) => console.log(`[portal] ${m}`);
const settings = envOrExit();

function fail(message: string): never {
  console.error(`[portal] ${message}`);
  process.exit(1);
}

async function main() {
  const url = settings.DATABASE_URL;
  if (!url) fail("DATABASE_URL is not set: an instance started with `npm run serve` uses your PostgreSQL (on one machine without one, use `npm start`).");
  if (!existsSync(resolve(".next/BUILD_ID"))) fail("there is no production build in .next/: run `npm run build` first (once per release, with the same settings), then `npm run serve`.");

  log("applying migrations (waits while another instance applies them)...");
  const applied = await migrate(url, { log });
  if (applied.length === 0) log("database schema is up to date");
  const adminNote = await firstAdminNote(url, resolve(settings.DATA_DIR), `${settings.SITE_URL}/admin/login`);
  if (settings.DATABASE_REPLICA_URLS.length) log(`${settings.DATABASE_REPLICA_URLS.length} read replica(s) for reader pages`);

  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(settings.PORT)], { stdio: ["ignore", "pipe", "inherit"], env });
  server.stdout.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (/Ready in|started server/i.test(text) && adminNote) log(adminNote);
  });
  // A rolling restart sends SIGTERM: pass it on and leave with the server's own code.
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.exitCode === null && server.kill(sig));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((e) => fail((e as Error).message));
