// `npm run gnuboard:sample -- --dir DIR [--posts N]`: a GnuBoard5 site to try the import on. Starts
// a MariaDB of its own in DIR (left running), builds the small sample site (files under
// DIR/site/data), adds N generated posts to a board of their own, writes the database URL to
// DIR/mysql-url (mode 0600) and the sample's manifest to DIR/manifest.json.
// `--stop` stops that MariaDB again.
import { chmodSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildGnuboardSample, fillGnuboardSample } from "../lib/import/gnuboard-sample";
import { redactMysqlUrl, startMariaDb, stopMariaDbIn } from "./lib/services/mariadb";

const USAGE = `usage: npm run gnuboard:sample -- --dir DIR [--posts N] [--comments N] [--board NAME] [--buffer-pool SIZE]
       npm run gnuboard:sample -- --dir DIR --stop
  --dir DIR          MariaDB's data, socket and log, the site's files (DIR/site/data) and DIR/mysql-url
  --posts N          generated posts to add to the board NAME (default 0)
  --comments N       comments spread over them (default twice the posts)
  --board NAME       bo_table of the generated posts (default bulk)
  --buffer-pool SIZE innodb_buffer_pool_size (default 256M; 1G above 100,000 posts)
  --stop             stop the MariaDB running in DIR`;

async function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        dir: { type: "string" }, posts: { type: "string", default: "0" }, comments: { type: "string" }, board: { type: "string", default: "bulk" },
        "buffer-pool": { type: "string" }, stop: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (e) {
    return exit(2, `gnuboard:sample: ${(e as Error).message}\n${USAGE}`);
  }
  if (args.help) return exit(0, USAGE);
  if (!args.dir) return exit(2, `gnuboard:sample: --dir is required\n${USAGE}`);
  const dir = resolve(args.dir);
  if (args.stop) {
    const stopped = await stopMariaDbIn(dir);
    return exit(0, stopped ? `gnuboard:sample: stopped MariaDB in ${dir}` : `gnuboard:sample: no MariaDB running in ${dir}`);
  }
  const posts = Number(args.posts);
  const comments = args.comments === undefined ? posts * 2 : Number(args.comments);
  if (!Number.isInteger(posts) || posts < 0) return exit(2, `gnuboard:sample: --posts must be a whole number, not "${args.posts}"`);
  if (!Number.isInteger(comments) || comments < 0) return exit(2, `gnuboard:sample: --comments must be a whole number, not "${args.comments}"`);
  if (!/^[A-Za-z0-9_]{1,20}$/.test(args.board)) return exit(2, `gnuboard:sample: --board must be letters, digits or _ (at most 20), not "${args.board}"`);

  const log = (m: string) => console.log(`gnuboard:sample: ${m}`);
  const db = await startMariaDb({ dir, log, keepRunning: true, bufferPool: args["buffer-pool"] ?? (posts > 100_000 ? "1G" : "256M") });
  try {
    await buildSite(db.url, dir, args.board, posts, comments, log);
  } catch (e) {
    // Half a sample is no use to anyone: leave nothing running behind the error.
    await db.stop();
    throw e;
  }
  const urlFile = join(dir, "mysql-url");
  writeFileSync(urlFile, `${db.url}\n`, { mode: 0o600 });
  chmodSync(urlFile, 0o600);
  log(`MariaDB keeps running (pid ${db.pid}): ${redactMysqlUrl(db.url)}; stop it with npm run gnuboard:sample -- --dir ${args.dir} --stop`);
  log(`files: ${join(dir, "site")}; URL in ${urlFile}`);
  console.log(db.url);
}

async function buildSite(url: string, dir: string, board: string, posts: number, comments: number, log: (m: string) => void) {
  const t0 = Date.now();
  const manifest = await buildGnuboardSample(url, { dir: join(dir, "site") });
  log(`sample site: ${manifest.boards.map((b) => `${b.boTable} (${b.textEncoding}) ${b.posts} posts, ${b.comments} comments`).join("; ")}; ${manifest.files.length} attachments, ${manifest.inlineImages.length} editor images (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));

  if (posts === 0) return;
  const tty = process.stderr.isTTY;
  let last = 0;
  const started = Date.now();
  const r = await fillGnuboardSample(url, {
    board, posts, comments,
    onProgress: (p) => {
      if (Date.now() - last < (tty ? 200 : 5_000)) return;
      last = Date.now();
      const rate = p.posts / Math.max((Date.now() - started) / 1000, 0.001);
      const line = `gnuboard:sample: ${p.posts}/${posts} posts, ${p.comments} comments, ${Math.round(rate)} posts/s, ${Math.round((posts - p.posts) / rate)} s left`;
      process.stderr.write(tty ? `\r${line}` : `${line}\n`);
    },
  });
  if (tty) process.stderr.write("\n");
  log(`${board}: ${r.posts} posts and ${r.comments} comments (wr_id ${r.firstId}-${r.lastId}, ${(r.bytes / 1e6).toFixed(0)} MB) in ${(r.ms / 1000).toFixed(1)} s, ${Math.round(r.posts / (r.ms / 1000))} posts/s`);
}

function exit(code: number, message: string): never {
  (code === 0 ? console.log : console.error)(message);
  process.exit(code);
}

main().catch((e) => exit(1, `gnuboard:sample: ${(e as Error).message}`));
