// `npm start`: database (embedded unless DATABASE_URL is set), migrations, demo content on
// an empty database, a production build when the sources changed, then `next start`.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { envOrExit } from "../lib/env";
import { preparePortalDatabase, type PortalDatabase } from "./lib/portal-database";
import { ensureProductionBuild } from "./lib/production-build";

const root = resolve(import.meta.dirname, "..");
process.chdir(root);
const log = (m: string) => console.log(`[portal] ${m}`);
const settings = envOrExit();
const port = settings.PORT;
const uploadDir = resolve(settings.UPLOAD_DIR);

let db: PortalDatabase | null = null;
let stopping = false;

async function main() {
  db = await preparePortalDatabase(settings, `http://localhost:${port}/admin/login`, log);
  const adminNote = db.adminNote;

  const env = { ...process.env, DATABASE_URL: db.url, UPLOAD_DIR: uploadDir, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
  // Pages prerendered by the build carry SITE_URL (canonical links), which follows PORT when unset.
  ensureProductionBuild({ root, distDir: ".next", env, stampExtra: `${db.identity} ${settings.SITE_URL}`, log });

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
    await db?.stop();
    log("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 0));
}

main().catch(async (e) => {
  console.error(`[portal] ${(e as Error).message}`);
  await db?.stop().catch(() => {});
  process.exit(1);
});
