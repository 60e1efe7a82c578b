// `npm run media:migrate [-- --concurrency N]`: copies every photo of the local UPLOAD_DIR into
// the bucket of MEDIA_STORAGE=s3, skipping what the bucket already holds at the same size. Run
// it again after an interruption: it continues; run it twice: the second copies nothing.
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { envOrExit } from "../lib/env";
import { storage } from "../lib/storage";
import { copyAll, type CopyReport } from "../lib/storage/copy-all";
import { LocalStorage } from "../lib/storage/local";

const USAGE = `usage: npm run media:migrate [-- --concurrency N]
  copies the files of UPLOAD_DIR (default $DATA_DIR/uploads) into the bucket of MEDIA_STORAGE=s3
  (S3_BUCKET, S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_PREFIX);
  objects already there with the same size are skipped
  --concurrency N  copies in flight at once (1-64, default 8)`;

function main() {
  let args;
  try {
    args = parseArgs({ options: { concurrency: { type: "string", default: "8" }, help: { type: "boolean", short: "h", default: false } } }).values;
  } catch (e) {
    return exit(2, `media:migrate: ${(e as Error).message}\n${USAGE}`);
  }
  if (args.help) return exit(0, USAGE);
  const concurrency = Number(args.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) return exit(2, `media:migrate: --concurrency must be a whole number from 1 to 64, not "${args.concurrency}"`);

  const settings = envOrExit();
  if (settings.MEDIA_STORAGE !== "s3") {
    return exit(
      2,
      "media:migrate: MEDIA_STORAGE is not s3, so there is no bucket to copy into.\n" +
        "Set MEDIA_STORAGE=s3, S3_BUCKET and (for R2, MinIO or another S3-compatible server) S3_ENDPOINT,\n" +
        "with S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY unless the AWS default credentials apply, then run it again.\n" +
        "Start the instances with the same settings once the copy reports no failures.",
    );
  }
  const source = resolve(settings.UPLOAD_DIR);
  const target = `s3 bucket ${settings.S3_BUCKET}${settings.S3_ENDPOINT ? ` at ${settings.S3_ENDPOINT}` : ""}${settings.S3_PREFIX ? `, under ${settings.S3_PREFIX}/` : ""}`;
  console.log(`media:migrate: ${source} → ${target} (${concurrency} at a time)`);

  const tty = process.stderr.isTTY;
  let lastLine = 0;
  const progress = (r: CopyReport, force = false) => {
    const now = Date.now();
    if (!force && now - lastLine < (tty ? 200 : 5_000)) return;
    lastLine = now;
    const done = r.copied + r.skipped + r.failed.length;
    const line = `media:migrate: ${done}/${r.total} (copied ${r.copied}, skipped ${r.skipped}, failed ${r.failed.length})`;
    process.stderr.write(tty ? `\r${line}` : `${line}\n`);
  };

  copyAll(new LocalStorage(source), storage(), { concurrency, onProgress: (r) => progress(r) })
    .then((r) => {
      progress(r, true);
      if (tty) process.stderr.write("\n");
      for (const f of r.failed) console.error(`media:migrate: failed ${f.key}: ${f.error}`);
      if (r.ignored.length) console.log(`media:migrate: left behind ${r.ignored.length} file(s) that are not photos /media serves: ${r.ignored.slice(0, 10).join(", ")}${r.ignored.length > 10 ? ", ..." : ""}`);
      console.log(`media:migrate: done: ${r.total} files, copied ${r.copied} (${(r.bytes / 1e6).toFixed(1)} MB), skipped ${r.skipped} already there, failed ${r.failed.length}`);
      if (r.failed.length) exit(1, "media:migrate: some files were not copied; run it again to retry them (copied ones are skipped).");
      else exit(0);
    })
    .catch((e) => exit(1, `media:migrate: ${(e as Error).message}`));
}

function exit(code: number, message?: string): void {
  if (message) (code === 0 ? console.log : console.error)(message);
  process.exit(code);
}

main();
