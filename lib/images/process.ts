// Uploaded photos: the format is read from the bytes (never the name), SVG, GIF and anything
// else is refused, size and pixel count are capped (decompression bombs), the picture is
// turned upright and re-encoded without EXIF/GPS, and responsive variants are made.
import sharp, { type Metadata, type Sharp } from "sharp";

export const MAX_BYTES = 15 * 1024 * 1024;
export const MAX_PIXELS = 40_000_000;
export const WIDTHS = [320, 640, 1024, 1600] as const;
export const OG = { width: 1200, height: 630 } as const;

export type ImageFormat = "jpeg" | "png" | "webp" | "avif";
const MIME: Record<ImageFormat, string> = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp", avif: "image/avif" };
export const EXT: Record<ImageFormat, string> = { jpeg: "jpg", png: "png", webp: "webp", avif: "avif" };

export class ImageRejected extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415 = 415,
  ) {
    super(message);
  }
}

/** The format by magic number: JPEG, PNG, WebP or AVIF; null for everything else. */
export function sniffFormat(b: Buffer): ImageFormat | null {
  if (b.length < 16) return null;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP") return "webp";
  if (b.toString("latin1", 4, 8) === "ftyp") {
    // The ftyp box lists the major brand and the compatible brands; AVIF names avif/avis.
    const size = Math.min(b.readUInt32BE(0), b.length);
    for (let i = 8; i + 4 <= size; i += 4) {
      const brand = b.toString("latin1", i, i + 4);
      if (brand === "avif" || brand === "avis") return "avif";
    }
  }
  return null;
}

export type Encoded = { data: Buffer; width: number; height: number; format: string; mime: string; suffix: string };
export type Processed = { format: ImageFormat; original: Encoded; variants: Encoded[]; og: Encoded };

const input = (b: Buffer) => sharp(b, { limitInputPixels: MAX_PIXELS, failOn: "error", pages: 1 });

export async function processImage(buf: Buffer): Promise<Processed> {
  if (buf.length === 0) throw new ImageRejected("빈 파일입니다.", 400);
  if (buf.length > MAX_BYTES) throw new ImageRejected("사진 파일은 15MB 이하여야 합니다.", 413);
  const format = sniffFormat(buf);
  if (!format) throw new ImageRejected("JPEG, PNG, WebP, AVIF 사진만 올릴 수 있습니다.");

  let meta: Metadata;
  try {
    // Header only (no pixels decoded), so no pixel limit here: the size is checked just below.
    meta = await sharp(buf, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRejected("사진 파일을 읽을 수 없습니다.", 400);
  }
  const agrees = meta.format === format || (format === "avif" && meta.format === "heif" && meta.compression === "av1");
  if (!agrees) throw new ImageRejected("JPEG, PNG, WebP, AVIF 사진만 올릴 수 있습니다.");
  const w0 = meta.width ?? 0;
  const h0 = meta.height ?? 0;
  if (!w0 || !h0) throw new ImageRejected("사진 파일을 읽을 수 없습니다.", 400);
  // Checked from the header before a single pixel is decoded.
  if (w0 * h0 > MAX_PIXELS) throw new ImageRejected("사진이 너무 큽니다 (4천만 화소 이하).", 413);

  try {
    // rotate() applies the EXIF orientation; sharp writes no metadata (EXIF, GPS, XMP) unless
    // asked to, so every output below is clean.
    const upright = await input(buf).rotate().toBuffer({ resolveWithObject: true });
    const { width, height } = upright.info;
    const base = () => sharp(upright.data, { limitInputPixels: MAX_PIXELS });
    const original = await encode(base(), format, "");
    const variants: Encoded[] = [];
    for (const w of variantWidths(width)) {
      for (const f of ["avif", "webp"] as const) variants.push(await encode(base().resize({ width: w }), f, `-w${w}`));
    }
    const og = await encode(base().resize({ ...OG, fit: "cover", position: "attention" }), "jpeg", "-og");
    return { format, original: { ...original, width, height }, variants, og };
  } catch (e) {
    if (e instanceof ImageRejected) throw e;
    throw new ImageRejected("사진 파일을 처리할 수 없습니다 (손상된 파일일 수 있습니다).", 400);
  }
}

/** The fixed widths below the picture's own, plus its own width when that is smaller than the
 *  largest: never upscaled, and a small picture is not left with only a tiny variant. */
export function variantWidths(width: number): number[] {
  const out: number[] = WIDTHS.filter((w) => w < width);
  if (width <= WIDTHS[WIDTHS.length - 1]) out.push(width);
  return out;
}

async function encode(img: Sharp, format: ImageFormat, suffix: string): Promise<Encoded> {
  const out =
    format === "avif"
      ? img.avif({ quality: 55, effort: 2 })
      : format === "webp"
        ? img.webp({ quality: 78 })
        : format === "png"
          ? img.png({ compressionLevel: 8 })
          : img.jpeg({ quality: 84, mozjpeg: true });
  const { data, info } = await out.toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, format, mime: MIME[format], suffix };
}
