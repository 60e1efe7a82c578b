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

export function Picture({ img, sizes, alt, eager, className }: { img: ImageRef; sizes: string; alt?: string; eager?: boolean; className?: string }) {
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
