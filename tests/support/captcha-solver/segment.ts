// Solver step 2: cut the cleaned picture into `n` glyphs and normalise each to a small grid.
import { components } from "./bitmap";

export const GLYPH_GW = 16;
export const GLYPH_GH = 24;

export function columnProfile(mask: Uint8Array, w: number, h: number): Float32Array {
  const p = new Float32Array(w);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) p[x] += mask[y * w + x];
  return p;
}

/** First and last column once `trim` of the mass is ignored on each side (stray specks). */
function span(p: ArrayLike<number>, trim: number): [number, number] {
  let total = 0;
  for (let i = 0; i < p.length; i++) total += p[i];
  let acc = 0, lo = 0, hi = p.length - 1;
  for (let i = 0; i < p.length; i++) if ((acc += p[i]) > total * trim) { lo = i; break; }
  acc = 0;
  for (let i = p.length - 1; i >= 0; i--) if ((acc += p[i]) > total * trim) { hi = i; break; }
  return [lo, hi + 1];
}

/** n+1 column cuts: equal pitch over the ink's span, each moved to the emptiest column nearby. */
export function cuts(mask: Uint8Array, w: number, h: number, n: number): number[] {
  const p = columnProfile(mask, w, h);
  const smooth = p.map((_, x) => (p[x - 1] ?? 0) + 2 * p[x] + (p[x + 1] ?? 0));
  const [x0, x1] = span(p, 0.005);
  const pitch = (x1 - x0) / n;
  const out = [x0];
  for (let k = 1; k < n; k++) {
    const want = x0 + pitch * k;
    let best = Math.round(want), bestCost = Infinity;
    for (let x = Math.round(want - pitch * 0.35); x <= Math.round(want + pitch * 0.35); x++) {
      const cost = smooth[x] + 0.05 * Math.abs(x - want);
      if (cost < bestCost) { bestCost = cost; best = x; }
    }
    out.push(Math.max(best, out[out.length - 1] + 1));
  }
  out.push(x1);
  return out;
}

/**
 * The n glyphs as GLYPH_GW×GLYPH_GH grids plus their aspect ratio. A connected component that
 * lies mostly inside one slice belongs to it whole; one that straddles cuts is split at them.
 */
export function glyphs(mask: Uint8Array, w: number, h: number, n: number): Float32Array[] {
  const c = cuts(mask, w, h, n);
  const { labels, sizes } = components(mask, w, h);
  const perSlice = sizes.map(() => new Float32Array(n));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const l = labels[y * w + x];
      if (l) perSlice[l][sliceOf(c, x)]++;
    }
  }
  const owner = perSlice.map((s, l) => {
    let k = 0;
    for (let i = 1; i < n; i++) if (s[i] > s[k]) k = i;
    return s[k] >= 0.7 * sizes[l] ? k : -1;
  });
  const slices = Array.from({ length: n }, () => new Uint8Array(w * h));
  for (let i = 0; i < w * h; i++) {
    const l = labels[i];
    if (!l) continue;
    const k = owner[l] >= 0 ? owner[l] : sliceOf(c, i % w);
    slices[k][i] = 1;
  }
  return slices.map((m) => normalise(m, w, h));
}

function sliceOf(c: number[], x: number): number {
  for (let k = 1; k < c.length - 1; k++) if (x < c[k]) return k - 1;
  return c.length - 2;
}

/** Crop to the ink (ignoring 2 % stray mass each side), resample to the grid, append aspect. */
export function normalise(m: Uint8Array, w: number, h: number): Float32Array {
  const cols = new Float32Array(w), rows = new Float32Array(h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (m[y * w + x]) { cols[x]++; rows[y]++; }
  const out = new Float32Array(GLYPH_GW * GLYPH_GH + 1);
  if (!cols.some((v) => v > 0)) return out;
  const [cx0, cx1] = span(cols, 0.02), [ry0, ry1] = span(rows, 0.02);
  const bw = Math.max(cx1 - cx0, 1), bh = Math.max(ry1 - ry0, 1);
  const S = 3;
  for (let gy = 0; gy < GLYPH_GH; gy++) {
    for (let gx = 0; gx < GLYPH_GW; gx++) {
      let sum = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = Math.floor(cx0 + ((gx + (sx + 0.5) / S) / GLYPH_GW) * bw);
          const y = Math.floor(ry0 + ((gy + (sy + 0.5) / S) / GLYPH_GH) * bh);
          sum += m[y * w + x] ?? 0;
        }
      }
      out[gy * GLYPH_GW + gx] = sum / (S * S);
    }
  }
  out[GLYPH_GW * GLYPH_GH] = Math.min(bw / bh, 2);
  return out;
}
