// `npm run media:migrate` against a real S3 API server: it copies every photo of the upload
// folder into the bucket with its content type, a second run copies nothing, and a run
// killed part-way and started again ends with every file in the bucket once, byte for byte.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Storage } from "../../lib/storage/s3";
import { startS3, type RunningS3 } from "../../scripts/lib/services/s3";

const EXTS = ["jpg", "webp", "avif", "png"] as const;
const TYPES = { jpg: "image/jpeg", webp: "image/webp", avif: "image/avif", png: "image/png" };

let dir: string;
let uploads: string;
let s3: RunningS3;
/** key → bytes of every photo in the upload folder. */
const files = new Map<string, Buffer>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "media-migrate-"));
  uploads = join(dir, "uploads");
  // What a real upload folder holds: seed photos, uploads by month with variants, crops.
  for (let i = 0; i < 400; i++) {
    const ext = EXTS[i % EXTS.length];
    const key = i < 40 ? `seed/photo-${i}.${ext}` : i < 380 ? `uploads/2026/${String((i % 12) + 1).padStart(2, "0")}/${i}-w320.${ext}` : `crops/16x9/uploads/2026/01/${i}.jpg`;
    files.set(key, randomBytes(2_000 + (i % 7) * 1_000));
  }
  for (const [key, data] of files) {
    mkdirSync(dirname(join(uploads, key)), { recursive: true });
    writeFileSync(join(uploads, key), data);
  }
  // Not photos the site serves: left behind and named.
  writeFileSync(join(uploads, ".DS_Store"), "x");
  writeFileSync(join(uploads, "seed", "notes.txt"), "x");
  s3 = await startS3({ dir: join(dir, "s3") });
});

afterAll(async () => {
  await s3?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const settings = (prefix: string): NodeJS.ProcessEnv => ({
  ...process.env,
  UPLOAD_DIR: uploads,
  MEDIA_STORAGE: "s3",
  S3_BUCKET: s3.bucket,
  S3_ENDPOINT: s3.endpoint,
  S3_ACCESS_KEY_ID: s3.accessKeyId,
  S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
  // Each test its own part of the bucket, so each starts from an empty one.
  S3_PREFIX: prefix,
});
const ARGS = ["--import", "tsx", "scripts/media-migrate.ts"];
const migrate = (env: NodeJS.ProcessEnv, extra: string[] = []) => {
  const r = spawnSync(process.execPath, [...ARGS, ...extra], { env, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, out: r.stdout + r.stderr };
};
const report = (out: string) => {
  const m = /done: (\d+) files, copied (\d+) .*skipped (\d+) already there, failed (\d+)/.exec(out);
  if (!m) throw new Error(`no final report in:\n${out}`);
  return { total: Number(m[1]), copied: Number(m[2]), skipped: Number(m[3]), failed: Number(m[4]) };
};
const bucketAt = (prefix: string) =>
  new S3Storage({ bucket: s3.bucket, endpoint: s3.endpoint, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true, prefix });
async function listed(prefix: string) {
  const keys: string[] = [];
  for await (const o of bucketAt(prefix).list()) keys.push(o.key);
  return keys.sort();
}
async function expectAllThere(prefix: string) {
  const b = bucketAt(prefix);
  expect(await listed(prefix)).toEqual([...files.keys()].sort());
  for (const [key, data] of files) expect((await b.get(key))?.equals(data), key).toBe(true);
}

describe("npm run media:migrate", () => {
  it("says what to do when MEDIA_STORAGE is not s3, and copies nothing", () => {
    const r = migrate({ ...process.env, UPLOAD_DIR: uploads, MEDIA_STORAGE: "local" });
    expect(r.status).toBe(2);
    expect(r.out).toContain("MEDIA_STORAGE is not s3");
    expect(r.out).toContain("S3_BUCKET");
  });

  it("copies every photo with its content type; a second run copies none", async () => {
    const first = migrate(settings("full"));
    expect(first.status, first.out).toBe(0);
    expect(report(first.out)).toEqual({ total: 400, copied: 400, skipped: 0, failed: 0 });
    expect(first.out).toContain("left behind 2 file(s)");
    await expectAllThere("full");
    const b = bucketAt("full");
    for (const ext of EXTS) {
      const key = [...files.keys()].find((k) => k.endsWith(`.${ext}`))!;
      const head = await b.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: `full/${key}` }));
      expect(head.ContentType, key).toBe(TYPES[ext]);
      expect(head.CacheControl, key).toBe("public, max-age=31536000, immutable");
    }

    const again = migrate(settings("full"));
    expect(again.status, again.out).toBe(0);
    expect(report(again.out)).toEqual({ total: 400, copied: 0, skipped: 400, failed: 0 });
  });

  it("killed part-way and run again, it copies only what is missing and ends with every file once", async () => {
    const child = spawn(process.execPath, [...ARGS, "--concurrency", "1"], { env: settings("resumed"), stdio: "ignore" });
    const exited = new Promise((r) => child.once("exit", r));
    // Kill it (no chance to clean up) once some, not all, of the files are in.
    let seen = 0;
    while (seen < 20 && child.exitCode === null) {
      seen = (await listed("resumed")).length;
      if (seen < 20) await new Promise((r) => setTimeout(r, 20));
    }
    child.kill("SIGKILL");
    await exited;
    const before = (await listed("resumed")).length;
    expect(before, "the run was stopped part-way").toBeGreaterThanOrEqual(20);
    expect(before, "the run was stopped part-way").toBeLessThan(files.size);

    const rest = migrate(settings("resumed"));
    expect(rest.status, rest.out).toBe(0);
    const r = report(rest.out);
    expect(r.copied + r.skipped).toBe(400);
    expect(r.failed).toBe(0);
    // Everything already there (a PUT cut off by the kill is not) is skipped, the rest copied.
    expect(r.skipped).toBeGreaterThanOrEqual(before - 1);
    expect(r.skipped).toBeLessThanOrEqual(before);
    expect(r.copied).toBeGreaterThan(0);
    await expectAllThere("resumed");
    expect(report(migrate(settings("resumed")).out).copied).toBe(0);
  });
});
