// Demo photos drawn locally: seeded SVG scenes (no text, so no fonts needed) rendered by
// sharp with film grain, then stored as a JPEG original, an Open Graph crop and AVIF/WebP
// variants, through the storage interface (the upload folder or a bucket). Nothing is
// downloaded; files already stored are reused.
import sharp from "sharp";
import type { FileStorage } from "../storage";
import { imageCatalogue, type ImageKind, type SeedImage } from "./content";
import { createRng, mixSeed, type Rng } from "./random";

export const PHOTO_WIDTH = 1600;
export const PHOTO_HEIGHT = 1000;
export const VARIANT_WIDTHS = [320, 640, 1024] as const;
const OG = { width: 1200, height: 630 };

export type ImageVariant = { width: number; height: number; format: string; key: string };
export type SeededImage = SeedImage & {
  storageKey: string;
  mime: "image/jpeg";
  width: number;
  height: number;
  bytes: number;
  variants: ImageVariant[];
};

const W = PHOTO_WIDTH;
const H = PHOTO_HEIGHT;
const f1 = (n: number) => n.toFixed(1);

function ridge(rng: Rng, base: number, amp: number, color: string, opacity = 1): string {
  const pts: string[] = [];
  const phase = [rng.next() * 6, rng.next() * 6, rng.next() * 6];
  const freq = [1.2 + rng.next(), 3 + rng.next() * 2, 9 + rng.next() * 6];
  for (let x = 0; x <= W; x += 20) {
    const t = x / W;
    const y = base - amp * (0.55 * Math.sin(t * freq[0] * Math.PI + phase[0]) + 0.3 * Math.sin(t * freq[1] * Math.PI + phase[1]) + 0.15 * Math.sin(t * freq[2] * Math.PI + phase[2]));
    pts.push(`${x},${f1(y)}`);
  }
  return `<polygon points="0,${H} ${pts.join(" ")} ${W},${H}" fill="${color}" opacity="${opacity}"/>`;
}

function sky(id: string, top: string, bottom: string): string {
  return `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#${id})"/>`;
}

function sun(rng: Rng, color: string, y: number): string {
  const cx = f1(W * (0.2 + rng.next() * 0.6));
  return `<defs><radialGradient id="sun"><stop offset="0" stop-color="${color}" stop-opacity="0.95"/><stop offset="0.18" stop-color="${color}" stop-opacity="0.8"/><stop offset="1" stop-color="${color}" stop-opacity="0"/></radialGradient></defs><circle cx="${cx}" cy="${y}" r="260" fill="url(#sun)"/>`;
}

function pines(rng: Rng, count: number, yMin: number, yMax: number, color: string, snow = false): string {
  let out = "";
  const trees = Array.from({ length: count }, () => ({ x: rng.next() * W, y: yMin + rng.next() * (yMax - yMin) })).sort((a, b) => a.y - b.y);
  for (const { x, y } of trees) {
    const h = 40 + (y - yMin) * 0.5 + rng.next() * 30;
    const w = h * 0.38;
    out += `<polygon points="${f1(x)},${f1(y - h)} ${f1(x - w)},${f1(y)} ${f1(x + w)},${f1(y)}" fill="${color}"/>`;
    if (snow) out += `<polygon points="${f1(x)},${f1(y - h)} ${f1(x - w * 0.35)},${f1(y - h * 0.62)} ${f1(x + w * 0.35)},${f1(y - h * 0.62)}" fill="#f4f7fb"/>`;
  }
  return out;
}

const PALETTES = [
  { top: "#5b8fd6", bottom: "#cfe3f5", sun: "#fff6d8" },
  { top: "#f19a5b", bottom: "#fde3b6", sun: "#fff1c9" },
  { top: "#3b5f9e", bottom: "#e9b38f", sun: "#ffd7a0" },
  { top: "#8fb8e0", bottom: "#eef4f8", sun: "#ffffff" },
  { top: "#2c3e6b", bottom: "#d47c5a", sun: "#ffc58a" },
];

function scene(kind: ImageKind, variant: number, rng: Rng): string {
  const pal = PALETTES[variant % PALETTES.length];
  const blur = `<defs><filter id="soft"><feGaussianBlur stdDeviation="6"/></filter><filter id="bokeh"><feGaussianBlur stdDeviation="14"/></filter></defs>`;
  let body = blur + sky("sky", pal.top, pal.bottom) + "<!--soft-->";
  // Blurred shapes are drawn into one group with a single filter: per-shape filters cost ~25 ms each.
  let soft = "";
  const horizon = H * (0.5 + rng.next() * 0.12);
  switch (kind) {
    case "mountain":
      body += sun(rng, pal.sun, H * 0.3);
      body += `<g filter="url(#soft)">${ridge(rng, horizon - 120, 180, "#7d8fb3", 0.55)}<rect y="${f1(horizon - 60)}" width="${W}" height="60" fill="#ffffff" opacity="0.25"/></g>`;
      body += ridge(rng, horizon, 160, "#4e6388", 0.85) + ridge(rng, horizon + 140, 120, "#2f4a3f") + ridge(rng, horizon + 300, 70, "#1f3229");
      break;
    case "river": {
      body += sun(rng, pal.sun, horizon - 120);
      body += ridge(rng, horizon - 20, 110, "#55698f", 0.8) + ridge(rng, horizon + 30, 60, "#2e4636");
      body += `<rect y="${f1(horizon + 40)}" width="${W}" height="${f1(H - horizon)}" fill="${pal.top}" opacity="0.9"/>`;
      for (let i = 0; i < 70; i++) {
        const y = horizon + 50 + rng.next() * (H - horizon - 50);
        body += `<rect x="${f1(rng.next() * W)}" y="${f1(y)}" width="${f1(40 + rng.next() * 220)}" height="3" fill="${pal.sun}" opacity="${f1(0.15 + rng.next() * 0.4)}"/>`;
      }
      body += ridge(rng, H - 40, 50, "#23361f");
      break;
    }
    case "field": {
      const colors = variant % 2 ? ["#c9a43a", "#d9b84c", "#b8912c"] : ["#5f9a3a", "#77b04a", "#4d8a30"];
      body += sun(rng, pal.sun, horizon - 200);
      body += ridge(rng, horizon, 40, "#6f8a5e", 0.9);
      const vx = W * (0.3 + rng.next() * 0.4);
      for (let i = -12; i < 24; i++) {
        const x0 = (i * W) / 10;
        const x1 = ((i + 1) * W) / 10;
        body += `<polygon points="${f1(vx + (x0 - vx) * 0.05)},${f1(horizon)} ${f1(vx + (x1 - vx) * 0.05)},${f1(horizon)} ${f1(x1)},${H} ${f1(x0)},${H}" fill="${colors[(i + 12) % 3]}"/>`;
      }
      body += pines(rng, 6, horizon - 10, horizon + 20, "#2f5a2a");
      break;
    }
    case "city": {
      body += sun(rng, pal.sun, horizon - 60);
      for (let layer = 0; layer < 2; layer++) {
        let x = -20;
        const shade = layer ? "#1d2740" : "#46557a";
        while (x < W) {
          const w = 60 + rng.next() * 120;
          const h = (layer ? 160 : 260) + rng.next() * (layer ? 260 : 320);
          const top = horizon + 120 - h + layer * 120;
          body += `<rect x="${f1(x)}" y="${f1(top)}" width="${f1(w)}" height="${f1(H - top)}" fill="${shade}"/>`;
          if (layer) {
            for (let wy = top + 14; wy < H - 20; wy += 26)
              for (let wx = x + 10; wx < x + w - 14; wx += 20)
                if (rng.chance(0.35)) body += `<rect x="${f1(wx)}" y="${f1(wy)}" width="9" height="12" fill="#ffd98a" opacity="0.85"/>`;
          }
          x += w + rng.next() * 12;
        }
      }
      break;
    }
    case "festival": {
      body += ridge(rng, horizon + 220, 30, "#3a2d3f");
      const colors = ["#e0413a", "#f2b632", "#3a7bd5", "#ffffff", "#3ca55c", "#d9489b"];
      for (let line = 0; line < 3; line++) {
        const y0 = 120 + line * 140 + rng.next() * 40;
        for (let i = 0; i <= 14; i++) {
          const x = (i / 14) * W;
          const y = y0 + Math.sin((i / 14) * Math.PI) * 90;
          const c = colors[(i + line) % colors.length];
          body += `<ellipse cx="${f1(x)}" cy="${f1(y + 30)}" rx="26" ry="34" fill="${c}" opacity="0.92"/>`;
          soft += `<circle cx="${f1(x)}" cy="${f1(y + 30)}" r="70" fill="${c}" opacity="0.25"/>`;
        }
      }
      for (let i = 0; i < 60; i++) {
        const x = rng.next() * W;
        const y = H - 140 + rng.next() * 120;
        body += `<ellipse cx="${f1(x)}" cy="${f1(y)}" rx="26" ry="70" fill="#1c1424"/><circle cx="${f1(x)}" cy="${f1(y - 80)}" r="20" fill="#1c1424"/>`;
      }
      break;
    }
    case "sports": {
      const top = horizon + 40;
      body += `<rect y="${f1(top - 160)}" width="${W}" height="170" fill="#5a6270"/>`;
      for (let i = 0; i < 6; i++) body += `<rect y="${f1(top - 150 + i * 26)}" width="${W}" height="10" fill="#7c8596" opacity="0.8"/>`;
      for (let i = 0; i < 300; i++) body += `<circle cx="${f1(rng.next() * W)}" cy="${f1(top - 150 + rng.next() * 150)}" r="5" fill="${rng.pick(["#e74c3c", "#f5f5f5", "#3498db", "#f1c40f"])}" opacity="0.7"/>`;
      body += `<polygon points="${W * 0.1},${f1(top)} ${W * 0.9},${f1(top)} ${W * 1.25},${H} ${-W * 0.25},${H}" fill="#3f8f3a"/>`;
      for (let i = 0; i < 8; i++) body += `<polygon points="${f1(W * 0.1 + i * W * 0.1)},${f1(top)} ${f1(W * 0.15 + i * W * 0.1)},${f1(top)} ${f1(-W * 0.25 + (i + 0.5) * W * 0.1875)},${H} ${f1(-W * 0.25 + i * W * 0.1875)},${H}" fill="#4aa043" opacity="0.7"/>`;
      body += `<line x1="${W / 2}" y1="${f1(top)}" x2="${W / 2}" y2="${H}" stroke="#f4f4f4" stroke-width="5"/><ellipse cx="${W / 2}" cy="${f1(top + (H - top) * 0.55)}" rx="230" ry="90" fill="none" stroke="#f4f4f4" stroke-width="5"/>`;
      break;
    }
    case "snow": {
      body += sun(rng, "#ffffff", H * 0.25);
      body += ridge(rng, horizon - 40, 130, "#c7d3e6") + ridge(rng, horizon + 60, 70, "#e8eef6");
      body += `<rect y="${f1(horizon + 100)}" width="${W}" height="${H}" fill="#f3f6fb"/>`;
      body += pines(rng, 40, horizon + 20, H - 40, "#22463a", true);
      for (let i = 0; i < 140; i++) body += `<circle cx="${f1(rng.next() * W)}" cy="${f1(rng.next() * H)}" r="${f1(1.5 + rng.next() * 3)}" fill="#ffffff" opacity="0.8"/>`;
      break;
    }
    case "blossom": {
      body += `<rect width="${W}" height="${H}" fill="#8fbf6a" opacity="${variant % 2 ? 0.35 : 0.15}"/>`;
      for (let i = 0; i < 36; i++) soft += `<circle cx="${f1(rng.next() * W)}" cy="${f1(rng.next() * H)}" r="${f1(40 + rng.next() * 110)}" fill="${rng.pick(["#ffd1e0", "#ffffff", "#f7a8c4", "#fbe3ec"])}" opacity="0.45"/>`;
      for (let b = 0; b < 3; b++) {
        let x = rng.next() * W;
        let y = H + 20;
        let path = `M${f1(x)},${f1(y)}`;
        let flowers = "";
        for (let s = 0; s < 8; s++) {
          x += (rng.next() - 0.4) * 160;
          y -= 90 + rng.next() * 60;
          path += ` L${f1(x)},${f1(y)}`;
          for (let k = 0; k < 7; k++) flowers += `<circle cx="${f1(x + (rng.next() - 0.5) * 120)}" cy="${f1(y + (rng.next() - 0.5) * 100)}" r="${f1(9 + rng.next() * 10)}" fill="${rng.pick(["#ffffff", "#ffe3ee", "#f9c2d6"])}"/>`;
        }
        body += `<path d="${path}" stroke="#4a3428" stroke-width="${f1(8 + rng.next() * 8)}" fill="none" stroke-linecap="round"/>${flowers}`;
      }
      break;
    }
  }
  body = body.replace("<!--soft-->", soft ? `<g filter="url(#bokeh)">${soft}</g>` : "");
  // A soft vignette, as a lens gives.
  body += `<defs><radialGradient id="vig" cx="0.5" cy="0.5" r="0.75"><stop offset="0.6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.35"/></radialGradient></defs><rect width="${W}" height="${H}" fill="url(#vig)"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${body}</svg>`;
}

/** The SVG scene of one catalogue photo (deterministic). */
export function photoSvg(img: Pick<SeedImage, "kind" | "variant">): string {
  return scene(img.kind, img.variant, createRng(mixSeed(4242, img.kind.length * 100 + img.variant)));
}

const filesOf = (name: string) => ({
  original: `seed/${name}.jpg`,
  og: `seed/${name}-og.jpg`,
  variants: VARIANT_WIDTHS.flatMap((w) => (["avif", "webp"] as const).map((format) => ({ width: w, height: Math.round((w * H) / W), format, key: `seed/${name}-${w}.${format}` }))),
});

let grain: Int8Array | null = null;
/** One shared layer of film grain: signed offsets added to every channel of every picture. */
function grainLayer(): Int8Array {
  if (grain) return grain;
  const rng = createRng(99);
  grain = new Int8Array(W * H * 3);
  for (let i = 0; i < grain.length; i++) grain[i] = Math.round((rng.next() + rng.next() + rng.next() - 1.5) * 14);
  return grain;
}

/** Draws one photo and stores its files; returns the original's size in bytes. */
async function render(img: SeedImage, store: FileStorage): Promise<number> {
  const files = filesOf(img.name);
  // Drawn at 3/4 size and enlarged (librsvg time grows with the pixel count; photos are soft anyway),
  // then grain is added in JS, which is far cheaper than a sharp composite at this size.
  const { data, info } = await sharp(Buffer.from(photoSvg(img)), { density: 54 })
    .resize(W, H)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const noise = grainLayer();
  const px = new Uint8ClampedArray(data.buffer, data.byteOffset, data.length);
  for (let i = 0; i < px.length; i++) px[i] = px[i] + noise[i];
  const raw = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  const [original, og, ...variants] = await Promise.all([
    raw().jpeg({ quality: 82, progressive: true }).toBuffer(),
    raw().resize(OG.width, OG.height, { fit: "cover", position: "centre" }).jpeg({ quality: 80 }).toBuffer(),
    ...files.variants.map((v) => {
      const r = raw().resize(v.width, v.height);
      return (v.format === "avif" ? r.avif({ quality: 50, effort: 0 }) : r.webp({ quality: 76, effort: 2 })).toBuffer();
    }),
  ]);
  // The original last: its presence (with the others) is what marks the photo as done.
  await Promise.all([store.put(files.og, og, "image/jpeg"), ...files.variants.map((v, i) => store.put(v.key, variants[i], `image/${v.format}`))]);
  await store.put(files.original, original, "image/jpeg");
  return original.length;
}

/** The rows of the 40 demo photos, known before they are drawn (`bytes` is 0 until then). */
export function describeSeedImages(): SeededImage[] {
  return imageCatalogue().map((img) => {
    const files = filesOf(img.name);
    return {
      ...img,
      storageKey: files.original,
      mime: "image/jpeg",
      width: W,
      height: H,
      bytes: 0,
      variants: [...files.variants, { ...OG, format: "jpeg", key: files.og }],
    };
  });
}

/** Stores the demo photos under `seed/` (reusing files already there) and returns them with their sizes. */
export async function ensureSeedImages(store: FileStorage, opts: { concurrency?: number } = {}): Promise<{ images: SeededImage[]; rendered: number }> {
  const images = describeSeedImages();
  // One listing instead of eight lookups a photo: cheap on disk, 320 fewer requests to a bucket.
  const stored = new Map<string, number>();
  for await (const o of store.list("seed/")) stored.set(o.key, o.size);
  let next = 0;
  let rendered = 0;
  const worker = async () => {
    while (next < images.length) {
      const img = images[next++];
      const files = filesOf(img.name);
      if ([files.original, files.og, ...files.variants.map((v) => v.key)].some((k) => !stored.get(k))) {
        img.bytes = await render(img, store);
        rendered++;
      } else img.bytes = stored.get(files.original)!;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 2 }, worker));
  return { images, rendered };
}
