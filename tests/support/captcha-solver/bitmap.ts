// Pixels for the captcha solver: a PNG decoded to an ink map (0 = paper, 1 = darkest ink).
import sharp from "sharp";

/** Row-major values in [0, 1]; `ink` is darkness, `mask` the binarised pixels, `hue` in degrees. */
export type Bitmap = { w: number; h: number; ink: Float32Array; mask: Uint8Array; hue: Float32Array };

/**
 * Darkness is 1 − HSL lightness, not 1 − luminance: the renderer picks a random hue for every
 * ink, and a saturated yellow at lightness 30 % has a high luminance but is as dark as a blue.
 */
export async function decode(png: Buffer, threshold = 0.5): Promise<Bitmap> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const w = info.width, h = info.height, ch = info.channels;
  const ink = new Float32Array(w * h);
  const mask = new Uint8Array(w * h);
  const hue = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) {
    const r = data[i * ch], g = data[i * ch + 1], b = data[i * ch + 2];
    const max = Math.max(r, g, b), min = Math.min(r, g, b);
    ink[i] = 1 - (max + min) / 510;
    mask[i] = ink[i] > threshold ? 1 : 0;
    const c = max - min || 1;
    const hh = max === r ? (g - b) / c : max === g ? 2 + (b - r) / c : 4 + (r - g) / c;
    hue[i] = ((hh * 60) + 360) % 360;
  }
  return { w, h, ink, mask, hue };
}

/** One 3×3 erosion (cross = 4-neighbourhood) or dilation of a mask. */
export function morph(mask: Uint8Array, w: number, h: number, op: "erode" | "dilate", cross = false): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let all = 1, any = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          if (cross && dx && dy) continue;
          const xx = x + dx, yy = y + dy;
          const v = xx < 0 || yy < 0 || xx >= w || yy >= h ? 0 : mask[yy * w + xx];
          all &= v;
          any |= v;
        }
      }
      out[y * w + x] = op === "erode" ? all : any;
    }
  }
  return out;
}

/**
 * 8-connected components: a label per pixel (0 = none) and each label's pixel count. With
 * `hue`, neighbours join only when their hues are within `tolerance` degrees: the renderer gives
 * each digit its own ink, so touching digits of different colours come apart.
 */
export function components(mask: Uint8Array, w: number, h: number, hue?: Float32Array, tolerance = 30): { labels: Int32Array; sizes: number[] } {
  const labels = new Int32Array(mask.length);
  const sizes = [0];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue;
    const id = sizes.length;
    let size = 0;
    labels[start] = id;
    stack.push(start);
    while (stack.length) {
      const p = stack.pop()!;
      size++;
      const x = p % w, y = (p - x) / w;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx, yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          const q = yy * w + xx;
          if (mask[q] && !labels[q] && (!hue || hueGap(hue[p], hue[q]) <= tolerance)) {
            labels[q] = id;
            stack.push(q);
          }
        }
      }
    }
    sizes.push(size);
  }
  return { labels, sizes };
}

function hueGap(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}
