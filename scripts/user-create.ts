// npm run user:create -- --email E [--password P] --role admin|editor|reporter [--name N]
// Creates a staff account non-interactively in DATABASE_URL, or, when that is unset, in the
// embedded demo database of DATA_DIR (running or not). Without --password a random one is
// generated and printed once.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createUserAt, randomPassword } from "../lib/auth/bootstrap";
import type { Role } from "../lib/auth/roles";
import { envOrExit } from "../lib/env";
import { embeddedDatabase } from "../lib/server/embedded-postgres";
import { migrate } from "../lib/server/migrate";

const USAGE = "usage: npm run user:create -- --email E [--password P] --role admin|editor|reporter [--name N]";

function fail(msg: string): never {
  console.error(msg);
  process.exit(1);
}

/** The embedded demo database (running or not), migrated, as the app's role. */
async function embeddedUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  const db = await embeddedDatabase(resolve(envOrExit().DATA_DIR));
  await migrate(db.url).catch(async (e) => {
    await db.stop();
    throw e;
  });
  return db;
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
  const settings = envOrExit();
  const { url, stop } = settings.DATABASE_URL ? { url: settings.DATABASE_URL, stop: async () => {} } : await embeddedUrl();
  try {
    const u = await createUserAt(url, { email: args.email, password, role, name: args.name });
    console.log(`계정을 만들었습니다: ${u.email} (${role.toLowerCase()}, id ${u.id})`);
    if (generated) console.log(`비밀번호 (한 번만 보여 줍니다): ${password}`);
  } catch (e) {
    console.error(`계정을 만들지 못했습니다: ${(e as Error).message}`);
    code = 1;
  } finally {
    await stop();
  }
  // Explicit: embedded-postgres' exit hook would otherwise turn every exit code into 0.
  process.exit(code);
}

void main();
