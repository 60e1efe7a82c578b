// The site's icons, all drawn from the logo (lib/seo/logo.ts) with sharp: PNGs for the web app
// manifest, the home-screen icon and feeds, and /favicon.ico (an ICO holding PNG images, which
// every browser since IE 11 reads).
import sharp from "sharp";
import { LOGO_SVG } from "./logo";

export const logoPng = (size: number) =>
  sharp(Buffer.from(LOGO_SVG), { density: 72 * (size / 512) * 4 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();

/** An .ico file of PNG images (one directory entry each). */
export function icoOf(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 means 256)
    e.writeUInt8(size >= 256 ? 0 : size, 1); // height
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3); // reserved
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

export async function faviconIco(): Promise<Buffer> {
  return icoOf(await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await logoPng(size) }))));
}
