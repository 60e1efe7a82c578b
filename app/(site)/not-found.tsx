// A reader page's notFound() (an article, section or list page that does not exist): the
// site's header, menu and footer come from the (site) layout around it. Unmatched URLs get the
// same page as plain HTML from app/bbs/short (next.config.mjs's fallback rewrite), and a
// deleted article the 410 version of it from proxy.ts (lib/seo/status-page.ts).
import { StatusContent } from "@/components/layout/status-content";

export default function NotFound() {
  return <StatusContent kind="missing" />;
}
