// The bytes of the sample's attachments and editor images: real JPEG and PNG made with sharp and
// carrying camera EXIF with a GPS position (what an import must strip before publishing), a
// corrupt JPEG, and a .hwp and .pdf that are documents, not pictures.
import sharp from "sharp";
import type { FileKind, FileState } from "./plan";

/** The camera maker written into every generated image's EXIF; gone after a correct import. */
export const EXIF_MAKE = "ZogloCam";
export const EXIF_MODEL = "ZC-100";

export type MadeFile = { bytes: Buffer; width: number; height: number; exif: boolean };

export async function makeFile(kind: FileKind, state: FileState, seed: number): Promise<MadeFile> {
  if (kind === "hwp") return { bytes: hwpBytes(seed), width: 0, height: 0, exif: false };
  if (kind === "pdf") return { bytes: pdfBytes(seed), width: 0, height: 0, exif: false };
  const width = 480 + (seed % 5) * 16;
  const height = 320 + (seed % 3) * 16;
  const hue = (seed * 47) % 255;
  // Noise gives a photo's JPEG size; a PNG (a poster, a map) is flat colour, or it would weigh 450 KB.
  const noise = kind === "jpeg" ? { noise: { type: "gaussian" as const, mean: 128, sigma: 30 } } : {};
  const image = sharp({ create: { width, height, channels: 3, background: { r: hue, g: 255 - hue, b: 120 }, ...noise } })
    .withExif({
      IFD0: { Make: EXIF_MAKE, Model: EXIF_MODEL, Software: "sample-camera 1.0", DateTime: "2019:05:01 10:20:30" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "42/1 54/1 30/1", GPSLongitudeRef: "E", GPSLongitude: "129/1 30/1 15/1" },
    });
  const bytes = kind === "jpeg" ? await image.jpeg({ quality: 80 }).toBuffer() : await image.png().toBuffer();
  if (state !== "corrupt") return { bytes, width, height, exif: true };
  // A JPEG cut off after its headers, then garbage: what a half-finished FTP upload leaves.
  return { bytes: Buffer.concat([bytes.subarray(0, 400), Buffer.alloc(600, 0x5a)]), width, height, exif: false };
}

// An OLE compound file header (what HWP 5 files are) followed by filler: enough for `file` and
// for an importer that must keep it as a download, never run it through the image pipeline.
function hwpBytes(seed: number): Buffer {
  const header = Buffer.from("d0cf11e0a1b11ae1", "hex");
  const body = Buffer.alloc(4096 + seed, 0);
  Buffer.from("HWP Document File").copy(body, 512);
  return Buffer.concat([header, body]);
}

function pdfBytes(seed: number): Buffer {
  const text = `Meeting notes ${seed}`;
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
