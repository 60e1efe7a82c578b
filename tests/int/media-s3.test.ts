// S3Storage against a real S3 API server (s3rver, path-style, as MinIO or R2 are reached):
// objects keep their content type and an immutable Cache-Control, a missing key is null (not
// an error), keys with slashes work, listing pages through the bucket; a store that cannot be
// reached is an error of its own, which /media answers with 503 and the upload action with a
// Korean message and no image row. Uploads through the action and the seed's photos land in the
// bucket.
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StorageUnavailable } from "../../lib/storage";
import { S3Storage } from "../../lib/storage/s3";
import { s3Env, startS3, type RunningS3 } from "../../scripts/lib/services/s3";
import { adminFixture, type Fixture } from "./admin-fixtures";

let dir: string;
let s3: RunningS3;
let store: S3Storage;
/** A server that takes connections and drops them at once: a store that is "down". */
let dead: http.Server;
let deadStore: S3Storage;
let f: Fixture;
let runAction: typeof import("../../lib/actions/safe-action").runAction;
let images: typeof import("../../lib/actions/core/images");
let media: typeof import("../../app/media/[...key]/route");

const opts = (endpoint: string, prefix?: string) => ({ bucket: s3.bucket, endpoint, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true, prefix });
const head = (key: string) => store.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
const jpeg = (w: number, h: number, background = "#c33") => sharp({ create: { width: w, height: h, channels: 3, background } }).jpeg().toBuffer();
const all = async (it: AsyncIterable<{ key: string; size: number }>) => {
  const out: { key: string; size: number }[] = [];
  for await (const o of it) out.push(o);
  return out.sort((a, b) => a.key.localeCompare(b.key));
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "media-s3-"));
  s3 = await startS3({ dir: join(dir, "s3") });
  store = new S3Storage(opts(s3.endpoint));
  dead = http.createServer();
  dead.on("connection", (s) => s.destroy());
  await new Promise<void>((r) => dead.listen(0, "127.0.0.1", r));
  deadStore = new S3Storage(opts(`http://127.0.0.1:${(dead.address() as AddressInfo).port}`));

  // The app's own storage() is the bucket, as on an instance started with these settings.
  Object.assign(process.env, {
    ...s3Env(s3),
    UPLOAD_DIR: join(dir, "not-used"),
  });
  f = await adminFixture("int_media_s3");
  ({ runAction } = await import("../../lib/actions/safe-action"));
  images = await import("../../lib/actions/core/images");
  media = await import("../../app/media/[...key]/route");
});

afterAll(async () => {
  await s3?.stop();
  await new Promise((r) => dead?.close(r));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("S3Storage", () => {
  it("stores bytes with their content type and an immutable Cache-Control, under keys with slashes", async () => {
    const data = await jpeg(40, 30);
    await store.put("uploads/2026/12/abc123.jpg", data, "image/jpeg");
    await store.put("uploads/2026/12/abc123-w320.webp", Buffer.from("webp-bytes"), "image/webp");
    expect((await store.get("uploads/2026/12/abc123.jpg"))!.equals(data)).toBe(true);
    const h = await head("uploads/2026/12/abc123.jpg");
    expect(h.ContentType).toBe("image/jpeg");
    expect(h.CacheControl).toBe("public, max-age=31536000, immutable");
    expect((await head("uploads/2026/12/abc123-w320.webp")).ContentType).toBe("image/webp");
    expect(await store.size("uploads/2026/12/abc123.jpg")).toBe(data.length);
  });

  it("answers null for a missing key (get and size), and deleting one twice is fine", async () => {
    expect(await store.get("uploads/1999/01/nothing.jpg")).toBeNull();
    expect(await store.size("uploads/1999/01/nothing.jpg")).toBeNull();
    await store.put("tmp/gone.png", Buffer.from("x"), "image/png");
    await store.delete("tmp/gone.png");
    expect(await store.get("tmp/gone.png")).toBeNull();
    await store.delete("tmp/gone.png");
  });

  it("lists by prefix across pages of the listing, and keeps keys apart under S3_PREFIX", async () => {
    // More than one ListObjectsV2 page (1000 keys a page).
    const keys = Array.from({ length: 1010 }, (_, i) => `many/${String(i).padStart(4, "0")}.jpg`);
    for (let i = 0; i < keys.length; i += 50) await Promise.all(keys.slice(i, i + 50).map((k) => store.put(k, Buffer.from(k), "image/jpeg")));
    const listed = await all(store.list("many/"));
    expect(listed.map((o) => o.key)).toEqual(keys);
    expect(listed.every((o) => o.size === Buffer.byteLength(o.key))).toBe(true);

    const prefixed = new S3Storage(opts(s3.endpoint, "portal/"));
    await prefixed.put("seed/a.jpg", Buffer.from("abc"), "image/jpeg");
    expect(await all(prefixed.list())).toEqual([{ key: "seed/a.jpg", size: 3 }]);
    expect(await store.get("portal/seed/a.jpg")).toEqual(Buffer.from("abc"));
    expect(await store.get("seed/a.jpg")).toBeNull();
  });

  it("reports an unreachable store as StorageUnavailable, not as a missing object", async () => {
    await expect(deadStore.get("uploads/a.jpg")).rejects.toBeInstanceOf(StorageUnavailable);
    await expect(deadStore.put("uploads/a.jpg", Buffer.from("x"), "image/jpeg")).rejects.toBeInstanceOf(StorageUnavailable);
    await expect(all(deadStore.list())).rejects.toBeInstanceOf(StorageUnavailable);
  });
});

describe("the seed on the bucket", () => {
  it("draws the demo photos straight into the bucket, typed, and reuses them the next time", async () => {
    const { ensureSeedImages } = await import("../../lib/seed/images");
    const seeded = new S3Storage(opts(s3.endpoint, "seeded"));
    const first = await ensureSeedImages(seeded);
    expect(first.rendered).toBe(first.images.length);
    for (const img of first.images) {
      expect(img.bytes, img.storageKey).toBe(await seeded.size(img.storageKey));
      for (const v of img.variants) expect(await seeded.size(v.key), v.key).toBeGreaterThan(0);
    }
    const one = first.images[0];
    expect((await head(`seeded/${one.storageKey}`)).ContentType).toBe("image/jpeg");
    const avif = one.variants.find((v) => v.format === "avif")!;
    expect((await head(`seeded/${avif.key}`)).ContentType).toBe("image/avif");

    const again = await ensureSeedImages(seeded);
    expect(again.rendered).toBe(0);
    expect(again.images.map((i) => i.bytes)).toEqual(first.images.map((i) => i.bytes));
  }, 300_000);
});

describe("the app on the bucket", () => {
  const get = (key: string) => media.GET(new Request(`http://x/media/${key}`) as never, { params: Promise.resolve({ key: key.split("/") }) });

  it("an upload through the admin action stores the photo and its variants in the bucket", async () => {
    const r = await runAction(images.uploadImage, f.reporter, { file: new File([new Uint8Array(await jpeg(1400, 900, "#2a6"))], "river.jpg", { type: "image/jpeg" }), alt: "강", caption: "" });
    expect(r).toMatchObject({ ok: true });
    const id = (r as { data: { id: number } }).data.id;
    const [row] = await f.sql<{ storage_key: string; variants: { key: string; format: string }[] }>("SELECT storage_key, variants FROM images WHERE id = $1", [id]);
    expect(row.storage_key).toMatch(/^uploads\/\d{4}\/\d{2}\/[0-9a-f]{16}\.jpg$/);
    for (const v of [{ key: row.storage_key, format: "jpeg" }, ...row.variants]) {
      expect((await head(v.key)).ContentType, v.key).toBe(`image/${v.format}`);
    }
    const res = await get(row.storage_key);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await res.arrayBuffer()).equals((await store.get(row.storage_key))!)).toBe(true);
    expect((await get("uploads/1999/01/missing.jpg")).status).toBe(404);
  });

  it("with the bucket's server stopped: /media answers 503, and an upload fails in Korean and leaves no row", async () => {
    const before = (await f.sql<{ n: number }>("SELECT count(*)::int AS n FROM images"))[0].n;
    await s3.stop();
    const res = await get("uploads/2026/12/abc123.jpg");
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.text()).toContain("사진 저장소");

    const r = await runAction(images.uploadImage, f.reporter, { file: new File([new Uint8Array(await jpeg(300, 200))], "a.jpg", { type: "image/jpeg" }), alt: "", caption: "" });
    expect(r).toMatchObject({ ok: false, status: 503, message: images.UPLOAD_STORE_DOWN });
    expect((await f.sql<{ n: number }>("SELECT count(*)::int AS n FROM images"))[0].n).toBe(before);
  });
});
