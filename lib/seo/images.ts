// Which picture represents an article to search engines and social cards.
import type { ImageRef } from "../types";
import { cropSize, CROP_RATIOS, type CropRatio } from "./crops";
import { absoluteUrl, cropPath, LOGO, mediaPath } from "../urls";

export type ShareImage = { url: string; width: number; height: number; alt: string };

export function cropImage(img: ImageRef, ratio: CropRatio, alt: string): ShareImage {
  return { url: absoluteUrl(cropPath(ratio, img.key)), ...cropSize(img.width, img.height, ratio), alt };
}

/** 1x1, 4x3 and 16x9, the set Google documents for article images. */
export function articleImageSet(img: ImageRef | null, alt: string): ShareImage[] {
  if (!img) return [];
  return (Object.keys(CROP_RATIOS) as CropRatio[]).map((r) => cropImage(img, r, alt));
}

/** Uploads carry a 1200x630 card crop (`…-og.jpg`, lib/images/store.ts). */
const ogVariant = (img: ImageRef) => img.variants.find((v) => v.key.endsWith("-og.jpg"));

/** Open Graph and Twitter cards show a wide picture: the upload's card crop, else the 16x9 crop, else the logo. */
export function cardImage(img: ImageRef | null, alt: string): ShareImage {
  if (!img) return { url: absoluteUrl(LOGO.path), width: LOGO.width, height: LOGO.height, alt };
  const og = ogVariant(img);
  return og ? { url: absoluteUrl(mediaPath(og.key)), width: og.width, height: og.height, alt } : cropImage(img, "16x9", alt);
}
