// /favicon.ico: browsers ask for it on every site whatever the page says; drawn from the logo at
// build time (lib/seo/icons.ts).
import { faviconIco } from "@/lib/seo/icons";

export const dynamic = "force-static";

export async function GET() {
  return new Response(new Uint8Array(await faviconIco()), { headers: { "Content-Type": "image/x-icon", "Cache-Control": "public, max-age=86400" } });
}
