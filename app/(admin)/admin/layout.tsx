// Everything under /admin: per request (never cached by Next or a proxy: dynamic pages get
// `Cache-Control: private, no-store`), not indexed, with the admin's own styles.
import type { Metadata } from "next";
import "./newsroom.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { default: "편집실", template: "%s - 편집실" }, robots: { index: false, follow: false } };

export default function AdminRootLayout({ children }: { children: React.ReactNode }) {
  return <div className="admin">{children}</div>;
}
