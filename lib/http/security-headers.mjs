// The security headers every answer carries. Plain JavaScript because next.config.mjs
// (headers(), applied at build time, also to cached pages) and the server hooks in TypeScript
// (answers sent before Next sees a request, lib/http/request-guard.ts) share it.

/**
 * Reader pages are served from the ISR cache, the same bytes to everyone, so they cannot carry
 * a per-request nonce; Next's bootstrap and RSC payload are inline <script>s whose content
 * changes with every page, so hashes are impossible too: scripts are 'self' plus inline.
 * Everything else is locked down (no plugins, no <base> hijack, forms post only here, no
 * framing). The newsroom (/admin) is rendered per request and gets a nonce policy from proxy.ts.
 */
export const READER_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The newsroom's policy: only scripts carrying this request's nonce (and what they load). */
export function adminCsp(nonce) {
  return READER_CSP.replace("script-src 'self' 'unsafe-inline'", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
}

/** Headers for every answer, whatever its type. */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
  },
];

/** HSTS only when the public address is https (SITE_URL); read at run time, not at build. */
export function hstsHeader(siteUrl) {
  return /^https:\/\//i.test(siteUrl ?? "") ? { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" } : null;
}
