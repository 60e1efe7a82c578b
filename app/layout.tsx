import type { Metadata, Viewport } from "next";
import "./globals.css";
import { site } from "@/lib/site/config";
import { absoluteUrl, FEED_PATH } from "@/lib/urls";

export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: `${site.name} - 우리 말 뉴스포털`, template: `%s - ${site.name}` },
  description: site.description,
  // Feed autodiscovery on every page; reader pages repeat it with their canonical link
  // (lib/seo/metadata.ts), since a page's `alternates` replaces the layout's.
  alternates: { types: { "application/rss+xml": [{ url: absoluteUrl(FEED_PATH), title: `${site.name} 최신기사` }] } },
  openGraph: { siteName: site.name, locale: "ko_KR", type: "website" },
  icons: {
    icon: [{ url: "/favicon.ico", sizes: "any" }, { url: "/brand/logo-192.png", type: "image/png", sizes: "192x192" }],
    apple: [{ url: "/brand/apple-touch-icon.png", sizes: "180x180" }],
  },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b4f8a" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="ko">
      <body>{children}</body>
    </html>
  );
}
