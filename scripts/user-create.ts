// npm run user:create -- --email E [--password P] --role admin|editor|reporter [--name N]
// Creates a staff account non-interactively in DATABASE_URL, or, when that is unset, in the
// embedded demo database of DATA_DIR (running or not). Without --password a random one is
// generated and printed once.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createUserAt, randomPassword } from "../lib/auth/bootstrap";
import type { Role } from "../lib/auth/roles";
import { startEmbeddedPostgres, type RunningPostgres } from "../lib/server/embedded-postgres";
import { migrate } from "../lib/server/migrate";

const USAGE = "usage: npm run user:create -- --email E [--password P] --role admin|editor|reporter [--name N]";

function fail(msg: string): never {
  console.error(msg);
  process.exit(1);
}

/** The embedded demo database: reuse the running server's (port from postmaster.pid) or start it. */
async function embeddedUrl(): Promise<{ url: string; pg: RunningPostgres | null }> {
  const dataDir = resolve(process.env.DATA_DIR ?? ".data");
  const pidFile = resolve(dataDir, "pg", "postmaster.pid");
  const secret = resolve(dataDir, "pg-password");
  if (existsSync(pidFile) && existsSync(secret)) {
    const port = Number(readFileSync(pidFile, "utf8").split("\n")[3]);
    const password = readFileSync(secret, "utf8").trim();
    if (port > 0) return { url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/portal`, pg: null };
  }
  const pg = await startEmbeddedPostgres({ dir: dataDir, quiet: true });
  await migrate(pg.url);
  return { url: pg.url, pg };
}

async function main() {
  let args;
  try {
    args = parseArgs({
      options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
      strict: true,
    }).values;
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (!args.email || !args.role) fail(USAGE);
  const role = args.role.toUpperCase() as Role;
  const generated = !args.password;
  const password = args.password ?? randomPassword();

  let code = 0;
  const { url, pg } = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, pg: null } : await embeddedUrl();
  try {
    const u = await createUserAt(url, { email: args.email, password, role, name: args.name });
    console.log(`계정을 만들었습니다: ${u.email} (${role.toLowerCase()}, id ${u.id})`);
    if (generated) console.log(`비밀번호 (한 번만 보여 줍니다): ${password}`);
  } catch (e) {
    console.error(`계정을 만들지 못했습니다: ${(e as Error).message}`);
    code = 1;
  } finally {
    await pg?.stop();
  }
  // Explicit: embedded-postgres' exit hook would otherwise turn every exit code into 0.
  process.exit(code);
}

void main();
