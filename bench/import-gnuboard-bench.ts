// `npx tsx bench/import-gnuboard-bench.ts --posts 20000`: measures the GnuBoard import at scale.
// A MariaDB of our own is filled with fillGnuboardSample (posts with 1-4 KB Korean HTML bodies
// and twice as many comments, no images), then imported into a fresh embedded PostgreSQL; prints
// posts per second and the whole run's time. Everything lives in a temp folder removed at the end.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startMariaDb } from "../scripts/lib/services/mariadb";
import { fillGnuboardSample } from "../lib/import/gnuboard-sample";
import { startEmbeddedPostgres } from "../lib/server/embedded-postgres";
import { migrate } from "../lib/server/migrate";
import { importGnuboard } from "../lib/import/gnuboard/index";
import { formatReport } from "../lib/import/gnuboard/report";
import { LocalStorage } from "../lib/storage/local";

/** CPU seconds used so far by the PostgreSQL cluster under `dataDir`: the postmaster, the children
 *  it has reaped (cutime/cstime) and those alive; load-independent where wall time is not. */
function pgCpuSeconds(dataDir: string): number {
  const pid = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const ticks = (p: number | string) => {
    try {
      const f = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) };
    } catch {
      return null;
    }
  };
  const main = ticks(pid)!;
  let total = main.own + main.reaped;
  for (const d of readdirSync("/proc")) if (/^\d+$/.test(d)) {
    const t = ticks(d);
    if (t && t.ppid === pid) total += t.own;
  }
  return total / 100;
}

const args = parseArgs({ options: { posts: { type: "string", default: "20000" }, batch: { type: "string", default: "500" }, keep: { type: "boolean", default: false } } }).values;
const posts = Number(args.posts);
const dir = mkdtempSync(join(tmpdir(), "import-bench-"));
chmodSync(dir, 0o755); // PostgreSQL runs as its own user when we are root
const maria = await startMariaDb({ dir: join(dir, "mariadb"), bufferPool: posts > 100_000 ? "1G" : "256M" });
const pg = await startEmbeddedPostgres({ dir: join(dir, "pg"), quiet: true });
try {
  let t = Date.now();
  const fill = await fillGnuboardSample(maria.url, { board: "news", posts });
  console.log(`filled ${fill.posts} posts + ${fill.comments} comments in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  await migrate(pg.appUrl);
  t = Date.now();
  const cpu0 = process.cpuUsage();
  const pg0 = pgCpuSeconds(join(dir, "pg", "pg"));
  const report = await importGnuboard({
    mysqlUrl: maria.url, databaseUrl: pg.appUrl, siteUrl: "https://news.example", store: new LocalStorage(join(dir, "uploads")),
    batchSize: Number(args.batch), progress: true,
  });
  console.log(formatReport(report));
  const secs = (Date.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const nodeCpu = (cpu.user + cpu.system) / 1e6;
  const pgCpu = pgCpuSeconds(join(dir, "pg", "pg")) - pg0;
  console.log(`import: ${report.posts.imported} posts, ${report.comments.imported} comments in ${secs.toFixed(1)} s = ${Math.round(report.posts.imported / secs)} posts/s`);
  // On an idle machine the two run in parallel (the next batch is prepared while PostgreSQL
  // writes), so the larger of the two CPU times bounds the rate.
  console.log(`CPU: importer ${nodeCpu.toFixed(1)} s, PostgreSQL ${pgCpu.toFixed(1)} s = ${Math.round(report.posts.imported / Math.max(nodeCpu, pgCpu))} posts per CPU-bound second (load average now ${readFileSync("/proc/loadavg", "utf8").split(" ")[0]})`);
  t = Date.now();
  const again = await importGnuboard({ mysqlUrl: maria.url, databaseUrl: pg.appUrl, siteUrl: "https://news.example", store: new LocalStorage(join(dir, "uploads")), batchSize: Number(args.batch) });
  console.log(`rerun (nothing changed): ${again.posts.unchanged} unchanged in ${((Date.now() - t) / 1000).toFixed(1)} s`);
} finally {
  await pg.stop();
  await maria.stop();
  if (!args.keep) rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
