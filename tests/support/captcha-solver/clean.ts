// Solver step 1: keep the digits' ink, drop what is thinner or smaller than a digit stroke.
import { components, morph, type Bitmap } from "./bitmap";

export type CleanOptions = {
  /** Erode with a 3×3 square first: strokes thinner than 3 px (the noise curves) vanish. */
  open: boolean;
  /** Cores (after erosion) smaller than this are dots, not digits. */
  minCore: number;
  /** Components of the final mask smaller than this are dropped. */
  minArea: number;
};

export const DEFAULT_CLEAN: CleanOptions = { open: true, minCore: 6, minArea: 25 };

export function clean(bm: Bitmap, opts: CleanOptions = DEFAULT_CLEAN): Uint8Array {
  const { w, h } = bm;
  let mask = bm.mask;
  if (opts.open) {
    const core = morph(mask, w, h, "erode");
    const { labels, sizes } = components(core, w, h);
    for (let i = 0; i < core.length; i++) if (core[i] && sizes[labels[i]] < opts.minCore) core[i] = 0;
    // Grow the cores back to the stroke's width, but never beyond the original ink.
    let grown = morph(morph(core, w, h, "dilate"), w, h, "dilate");
    grown = grown.map((v, i) => v & mask[i]);
    mask = grown;
  }
  const { labels, sizes } = components(mask, w, h);
  return mask.map((v, i) => (v && sizes[labels[i]] >= opts.minArea ? 1 : 0));
}
