// The web app manifest (/manifest.webmanifest, linked from every page by Next): a reader who
// adds the portal to a phone's home screen gets its name, colours and icon.
import type { MetadataRoute } from "next";
import { site } from "@/lib/site/config";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: `${site.name} - 우리 말 뉴스포털`,
    short_name: site.name,
    description: site.description,
    lang: "ko",
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#0b4f8a",
    icons: [
      { src: "/brand/logo-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/brand/logo-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
    ],
  };
}
