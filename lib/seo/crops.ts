// Fixed-ratio crops of article photos for structured data and social cards. Google asks
// for 16x9, 4x3 and 1x1 images of at least 50,000 pixels; they are cut on first request
// by app/media-crop/[ratio]/[...key]/route.ts and kept in storage under crops/.
export const CROP_RATIOS = { "1x1": [1, 1], "4x3": [4, 3], "16x9": [16, 9] } as const;
export type CropRatio = keyof typeof CROP_RATIOS;
export const CROP_MAX_WIDTH = 1200;

export const isCropRatio = (r: string): r is CropRatio => Object.hasOwn(CROP_RATIOS, r);

/** The largest box of the ratio inside the source, at most 1200 wide, never enlarged. */
export function cropSize(srcWidth: number, srcHeight: number, ratio: CropRatio): { width: number; height: number } {
  const [rw, rh] = CROP_RATIOS[ratio];
  const unit = Math.max(1, Math.floor(Math.min(srcWidth / rw, srcHeight / rh, CROP_MAX_WIDTH / rw)));
  return { width: unit * rw, height: unit * rh };
}

/** Crops are JPEG whatever the source format: every crawler and card reader takes JPEG. */
export const cropStorageKey = (ratio: CropRatio, key: string) => `crops/${ratio}/${key.replace(/\.[a-z0-9]+$/i, "")}.jpg`;
