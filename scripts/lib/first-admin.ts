// The first admin of an empty database (lib/auth/bootstrap.ts) and where its password goes:
// never to the console (whatever captures this process's output, a terminal log or journald,
// would keep it) but to a file only this user can read. Shared by `npm start` and `npm run serve`.
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { ensureInitialAdmin } from "../../lib/auth/bootstrap";

/** Creates the first admin when there is no account; returns the line to print once the server is up, or null. */
export async function firstAdminNote(databaseUrl: string, dataDir: string, signInUrl: string): Promise<string | null> {
  const first = await ensureInitialAdmin(databaseUrl);
  if (!first) return null;
  const file = resolve(dataDir, "first-admin-password");
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${first.email}\n${first.password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return `first admin account: ${first.email}, password in ${file} (only you can read it). Sign in at ${signInUrl}, change the password under 내 계정, then delete the file.`;
}
