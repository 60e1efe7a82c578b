// A responsive <picture> from an image's stored variants (AVIF and WebP at fixed widths).
import type { ImageRef } from "@/lib/types";
import { mediaPath } from "@/lib/urls";

/** The variants of one format, smallest first; with maxWidth, none wider than needed (the smallest always). */
function srcset(img: ImageRef, format: string, maxWidth = Infinity) {
  const all = img.variants.filter((v) => v.format === format).sort((a, b) => a.width - b.width);
  return all
    .filter((v, i) => i === 0 || v.width <= maxWidth)
    .map((v) => `${mediaPath(v.key)} ${v.width}w`)
    .join(", ");
}

type Props = {
  img: ImageRef;
  sizes: string;
  alt?: string;
  /** The page's largest image (its LCP): fetched at once and first, never lazily. */
  eager?: boolean;
  className?: string;
  /** The widest variant worth offering (a thumbnail's CSS width times a phone's pixel ratio). */
  maxWidth?: number;
};

export function Picture({ img, sizes, alt, eager, className, maxWidth }: Props) {
  const avif = srcset(img, "avif", maxWidth);
  const webp = srcset(img, "webp", maxWidth);
  return (
    <picture className={className}>
      {avif && <source type="image/avif" srcSet={avif} sizes={sizes} />}
      {webp && <source type="image/webp" srcSet={webp} sizes={sizes} />}
      <img
        src={mediaPath(img.key)}
        alt={alt ?? img.alt}
        width={img.width}
        height={img.height}
        loading={eager ? "eager" : "lazy"}
        decoding="async"
        {...(eager ? { fetchPriority: "high" as const } : {})}
      />
    </picture>
  );
}
