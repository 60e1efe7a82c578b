// Media in an S3-compatible bucket, on the production build: a server of its own with
// MEDIA_STORAGE=s3 (a real S3 API server, s3rver) and an empty upload folder serves the
// seed photos from the bucket at their unchanged /media URLs (type, immutable caching, 404
// for a missing key), a photo an editor uploads in the admin lands in the bucket, and with
// the bucket's server gone the editor is told so in Korean and keeps what was typed.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUserAt } from "../../lib/auth/bootstrap";
import { copyAll } from "../../lib/storage/copy-all";
import { LocalStorage } from "../../lib/storage/local";
import { S3Storage } from "../../lib/storage/s3";
import { copyBuild, startNextServer, type NextServer } from "../../scripts/lib/next-server";
import { s3Env, startS3, type RunningS3 } from "../../scripts/lib/services/s3";
import { hydrated, signInThrough, withPage } from "../support/browser";
import { holdPort, type HeldPort } from "../support/held-port";

const DIST_DIR = ".next-e2e-s3";
const databaseUrl = inject("databaseUrl");
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const run = randomBytes(3).toString("hex");
const editor = { email: `s3-editor-${run}@example.com`, password: `s3-editor-${run}-password`, role: "EDITOR" as const, name: "최편집" };

let dir: string;
let s3: RunningS3;
let bucket: S3Storage;
let held: HeldPort;
let server: NextServer;
let base: string;
let photo: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "portal-media-s3-"));
  s3 = await startS3({ dir: join(dir, "s3") });
  bucket = new S3Storage({ bucket: s3.bucket, endpoint: s3.endpoint, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true });
  // The shared server's seed photos, moved into the bucket as media:migrate would.
  const moved = await copyAll(new LocalStorage(inject("serverEnv").UPLOAD_DIR), bucket, { concurrency: 4 });
  expect(moved.failed).toEqual([]);
  expect(moved.copied).toBeGreaterThan(0);

  await createUserAt(databaseUrl, editor);
  photo = join(dir, "bridge.jpg");
  writeFileSync(photo, await sharp({ create: { width: 1600, height: 1000, channels: 3, background: "#35608f" } }).jpeg().toBuffer());

  copyBuild(".next-e2e", DIST_DIR);
  // Its own public address, held before it starts: sign-in redirects go to SITE_URL.
  held = await holdPort();
  base = `http://127.0.0.1:${held.port}`;
  server = await startNextServer({
    env: {
      NODE_ENV: "production",
      ...inject("serverEnv"),
      NEXT_DIST_DIR: DIST_DIR,
      SITE_URL: base,
      // Nothing on disk: whatever /media serves comes from the bucket.
      UPLOAD_DIR: join(dir, "empty-uploads"),
      ...s3Env(s3),
    },
    logFile: join(dir, "server.log"),
  });
  held.forwardTo(server.port);
}, 300_000);

afterAll(async () => {
  await server?.close();
  await held?.close();
  await s3?.stop();
  await pool.end();
  rmSync(DIST_DIR, { recursive: true, force: true });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("media from the bucket", () => {
  it("serves the photos of a reader page from the bucket at their /media URLs, typed and immutable", async () => {
    const home = await fetch(base + "/").then((r) => r.text());
    const srcs = [...new Set([...home.matchAll(/\/media\/seed\/[a-z0-9/_-]+\.(?:jpg|webp|avif)/g)].map((m) => m[0]))];
    expect(srcs.length).toBeGreaterThan(0);
    const types = { jpg: "image/jpeg", webp: "image/webp", avif: "image/avif" } as Record<string, string>;
    for (const src of srcs.slice(0, 12)) {
      const r = await fetch(base + src);
      expect(r.status, src).toBe(200);
      expect(r.headers.get("content-type"), src).toBe(types[src.split(".").pop()!]);
      expect(r.headers.get("cache-control"), src).toBe("public, max-age=31536000, immutable");
      const body = Buffer.from(await r.arrayBuffer());
      expect(body.equals((await bucket.get(src.slice("/media/".length)))!), src).toBe(true);
    }
  });

  it("answers 404 for a key the bucket does not hold", async () => {
    const r = await fetch(`${base}/media/uploads/2020/01/${run}nothing.jpg`);
    expect(r.status).toBe(404);
    expect(r.headers.get("cache-control") ?? "").not.toContain("immutable");
  });

  it("an editor's photo lands in the bucket with its type, and the article shows it from there", async () => {
    await withPage(async (page) => {
      page.on("dialog", (d) => void d.accept(d.type() === "prompt" ? "두만강 다리" : undefined));
      await signInThrough(page, base, editor, "/admin/articles/new");
      await hydrated(page, ".rte");
      await page.setInputFiles("[data-testid=body-photo-input]", photo);
      const img = page.locator(".rte-area figure img[src^='/media/']");
      await img.waitFor({ timeout: 30_000 });
      const src = (await img.getAttribute("src"))!;
      const key = src.slice("/media/".length);
      const row = (await pool.query("SELECT storage_key, variants FROM images WHERE storage_key = $1", [key])).rows[0];
      expect(row, "image row").toBeTruthy();
      for (const k of [key, ...(row.variants as { key: string }[]).map((v) => v.key)]) {
        const head = await bucket.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: k }));
        expect(head.ContentType, k).toBe(`image/${k.endsWith(".jpg") ? "jpeg" : k.split(".").pop()}`);
        expect(head.CacheControl, k).toBe("public, max-age=31536000, immutable");
      }
      const served = await fetch(base + src);
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe("image/jpeg");
    });
  });

  it("with the bucket's server down: /media says 503, and the editor gets a Korean message and keeps the draft", async () => {
    const first = await bucket.list("seed/")[Symbol.asyncIterator]().next();
    const key = (first.value as { key: string }).key;
    await withPage(async (page) => {
      page.on("dialog", (d) => void d.accept(d.type() === "prompt" ? "" : undefined));
      await signInThrough(page, base, editor, "/admin/articles/new");
      await hydrated(page, "form.article-form");
      const title = `저장소가 멈춘 날 ${run}`;
      await page.fill("#f-title", title);
      await hydrated(page, ".rte");
      await page.click("#f-body");
      await page.keyboard.type("사진 없이도 글은 남는다.");

      await s3.stop();
      const media = await fetch(`${base}/media/${key}`);
      expect(media.status).toBe(503);
      expect(media.headers.get("cache-control")).toBe("no-store");
      expect(await media.text()).toContain("사진 저장소");

      await page.setInputFiles("[data-testid=body-photo-input]", photo);
      await expect.poll(() => page.textContent(".rte-note"), { timeout: 60_000 }).toContain("사진 저장소에 연결하지 못해");
      expect(await page.inputValue("#f-title")).toBe(title);
      expect(await page.textContent(".rte-area")).toContain("사진 없이도 글은 남는다.");
      expect(await page.locator(".rte-area figure").count()).toBe(0);
    });
  });
});
