// Photo uploads: refused by content (not by name), capped in bytes and pixels (a
// decompression bomb is refused from its header), EXIF/GPS stripped, and the responsive
// variants written through the storage interface and recorded with the image.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { adminFixture, type Fixture } from "./admin-fixtures";

let f: Fixture;
let uploads: string;
let run: typeof import("../../lib/actions/safe-action").runAction;
let img: typeof import("../../lib/images/process");
let core: typeof import("../../lib/actions/core/images");

beforeAll(async () => {
  uploads = mkdtempSync(join(tmpdir(), "admin-images-"));
  process.env.UPLOAD_DIR = uploads;
  f = await adminFixture("int_admin_images");
  ({ runAction: run } = await import("../../lib/actions/safe-action"));
  img = await import("../../lib/images/process");
  core = await import("../../lib/actions/core/images");
});

const upload = (data: Buffer, name: string, type: string) => run(core.uploadImage, f.reporter, { file: new File([new Uint8Array(data)], name, { type }), alt: "사진", caption: "설명" });
const imageCount = async () => Number((await f.sql<{ n: string }>("SELECT count(*) AS n FROM images"))[0].n);

/** A valid PNG of w×h 1-bit grey pixels, all zero: tiny on disk, huge once decoded. */
function bombPng(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale
  const row = Buffer.alloc(1 + Math.ceil(w / 8)); // filter byte + zero pixels
  const raw = Buffer.alloc(row.length * h);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

describe("refusals", () => {
  it("refuses SVG even when it is named .png and sent as image/png", async () => {
    const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>`);
    const before = await imageCount();
    const r = await upload(svg, "photo.png", "image/png");
    expect(r).toMatchObject({ ok: false, status: 415 });
    expect(r.ok ? "" : r.errors?.file?.[0]).toContain("JPEG, PNG, WebP, AVIF");
    expect(await imageCount()).toBe(before);
  });

  it("refuses GIF, HEIC-like and random bytes named as images", async () => {
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } }).gif().toBuffer();
    expect(await upload(gif, "a.jpg", "image/jpeg")).toMatchObject({ ok: false, status: 415 });
    expect(await upload(Buffer.from("not an image at all, just text pretending"), "a.webp", "image/webp")).toMatchObject({ ok: false, status: 415 });
  });

  it("refuses a decompression bomb from its header, without decoding it", async () => {
    const bomb = bombPng(20_000, 20_000); // 400 megapixels: 1.6 GB once decoded
    expect(bomb.length).toBeLessThan(200_000);
    const before = await imageCount();
    const peakKb = process.resourceUsage().maxRSS;
    const r = await upload(bomb, "bomb.png", "image/png");
    expect(r).toMatchObject({ ok: false, status: 413 });
    expect(await imageCount()).toBe(before);
    // Decoding it would have taken this process's memory high-water mark up by gigabytes.
    expect(process.resourceUsage().maxRSS - peakKb).toBeLessThan(256 * 1024);
  });

  it("refuses files over 15 MB and corrupt images", async () => {
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(img.MAX_BYTES)]);
    expect(await upload(big, "big.jpg", "image/jpeg")).toMatchObject({ ok: false, status: 413 });
    const good = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#c33" } }).jpeg().toBuffer();
    expect(await upload(good.subarray(0, 200), "cut.jpg", "image/jpeg")).toMatchObject({ ok: false, status: 400 });
  });
});

describe("what is stored", () => {
  it("strips EXIF and GPS, applies the orientation, and writes the variants and an Open Graph crop", async () => {
    const photo = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: "#3a7" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: "PhoneMakerX" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "42/1 54/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "129/1 30/1 0/1" } })
      .toBuffer();
    const input = await sharp(photo).metadata();
    expect(input.orientation).toBe(6);
    expect(input.exif?.includes(Buffer.from("PhoneMakerX"))).toBe(true);

    const r = await upload(photo, "IMG_0001.JPG", "image/jpeg");
    expect(r).toMatchObject({ ok: true });
    const id = (r as { data: { id: number } }).data.id;
    const [row] = await f.sql<{ storage_key: string; width: number; height: number; mime: string; variants: { width: number; height: number; format: string; key: string }[] }>(
      "SELECT storage_key, width, height, mime, variants FROM images WHERE id = $1",
      [id],
    );
    // Orientation 6 = rotated 90°: the stored picture is upright, 1000×2000.
    expect(row).toMatchObject({ width: 1000, height: 2000, mime: "image/jpeg" });
    const files = [row.storage_key, ...row.variants.map((v) => v.key)];
    for (const key of files) {
      const p = join(uploads, key);
      expect(existsSync(p), key).toBe(true);
      const m = await sharp(readFileSync(p)).metadata();
      expect(m.exif, `${key} has EXIF`).toBeUndefined();
      expect(m.xmp, `${key} has XMP`).toBeUndefined();
      expect(m.orientation ?? 1, `${key} orientation`).toBe(1);
      expect(readFileSync(p).includes(Buffer.from("PhoneMakerX")), `${key} keeps camera data`).toBe(false);
    }
    const widths = (fmt: string) => row.variants.filter((v) => v.format === fmt).map((v) => v.width);
    expect(widths("webp")).toEqual([320, 640, 1000]);
    expect(widths("avif")).toEqual([320, 640, 1000]);
    expect(row.variants.find((v) => v.format === "jpeg")).toMatchObject({ width: 1200, height: 630 });
    const og = await sharp(readFileSync(join(uploads, row.variants.find((v) => v.format === "jpeg")!.key))).metadata();
    expect([og.width, og.height, og.format]).toEqual([1200, 630, "jpeg"]);
    const avif = await sharp(readFileSync(join(uploads, row.variants.find((v) => v.format === "avif")!.key))).metadata();
    expect(avif.compression).toBe("av1");
  });

  it("never upscales: a small picture keeps its own width as the largest variant", () => {
    expect(img.variantWidths(500)).toEqual([320, 500]);
    expect(img.variantWidths(200)).toEqual([200]);
    expect(img.variantWidths(4000)).toEqual([320, 640, 1024, 1600]);
    expect(img.variantWidths(1600)).toEqual([320, 640, 1024, 1600]);
  });

  it("accepts PNG, WebP and AVIF by their content", async () => {
    const base = sharp({ create: { width: 400, height: 300, channels: 3, background: "#48c" } });
    for (const [fmt, mime] of [["png", "image/png"], ["webp", "image/webp"], ["avif", "image/avif"]] as const) {
      const r = await upload(await base.clone().toFormat(fmt).toBuffer(), `x.${fmt}`, mime);
      expect(r, fmt).toMatchObject({ ok: true });
    }
  });
});
