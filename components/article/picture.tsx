// A responsive <picture> from an image's stored variants (AVIF and WebP at fixed widths).
import type { ImageRef } from "@/lib/types";
import { mediaPath } from "@/lib/urls";

function srcset(img: ImageRef, format: string) {
  return img.variants
    .filter((v) => v.format === format)
    .sort((a, b) => a.width - b.width)
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
};

export function Picture({ img, sizes, alt, eager, className }: Props) {
  const avif = srcset(img, "avif");
  const webp = srcset(img, "webp");
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

/**
 * A list thumbnail: one <img> of the smallest WebP variant (every browser in use reads WebP),
 * without the <picture> and its sources: three elements fewer per list item to send and to
 * hydrate. Images stored before variants existed fall back to the original.
 */
export function Thumbnail({ img, eager }: { img: ImageRef; eager?: boolean }) {
  const webp = img.variants.filter((v) => v.format === "webp").sort((a, b) => a.width - b.width)[0];
  return (
    <img
      src={mediaPath(webp?.key ?? img.key)}
      alt=""
      width={img.width}
      height={img.height}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      {...(eager ? { fetchPriority: "high" as const } : {})}
    />
  );
}
