import type { MetadataRoute } from "next";
import { absoluteUrl, NEWS_SITEMAP_PATH, SITEMAP_INDEX_PATH } from "@/lib/urls";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/admin", "/api/"] }],
    sitemap: [absoluteUrl(SITEMAP_INDEX_PATH), absoluteUrl(NEWS_SITEMAP_PATH)],
  };
}
