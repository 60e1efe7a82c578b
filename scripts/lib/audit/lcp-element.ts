// Which element is the Largest Contentful Paint, asked of the page itself (PerformanceObserver)
// in Chromium with a phone's viewport: Lighthouse 12.2.3's own LCP-element audit fails on the
// traces of Debian's current Chromium ("RootCauses ... frame_sequence"), and without it nobody
// can tell what to make faster.
import type { Browser } from "playwright-core";
import { BROWSER_UA } from "./page-weight";

export type LcpElement = {
  /** tag#id.class, e.g. img.cover-image */
  element: string;
  /** The image's URL (img currentSrc or a background), or null for text. */
  url: string | null;
  /** Area in CSS pixels, as the browser ranked it. */
  size: number;
  /** loading / fetchpriority attributes of an image, which decide how early it is asked for. */
  loading: string | null;
  fetchPriority: string | null;
  /** Unthrottled render time here: only for comparing pages, not Lighthouse's simulated LCP. */
  renderMs: number;
};

// Lighthouse's default mobile device (moto g power): 412×823 CSS px at DPR 1.75.
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, userAgent: BROWSER_UA };

export async function lcpElement(browser: Browser, url: string): Promise<LcpElement | null> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    return await page.evaluate(
      () =>
        new Promise<LcpElement | null>((resolve) => {
          let last: (PerformanceEntry & { element?: Element | null; url?: string; size?: number; renderTime?: number; loadTime?: number }) | null = null;
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            last = entries[entries.length - 1] as typeof last;
          }).observe({ type: "largest-contentful-paint", buffered: true });
          // The buffered entries arrive in the observer's first callback; LCP is final by then (after load).
          setTimeout(() => {
            if (!last) return resolve(null);
            const el = last.element ?? null;
            const name = el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${[...el.classList].map((c) => `.${c}`).join("")}` : "(removed element)";
            const img = el instanceof HTMLImageElement ? el : null;
            resolve({
              element: name,
              url: img?.currentSrc || last.url || null,
              size: last.size ?? 0,
              loading: img?.getAttribute("loading") ?? null,
              fetchPriority: img?.getAttribute("fetchpriority") ?? null,
              renderMs: Math.round(last.renderTime || last.loadTime || last.startTime),
            });
          }, 500);
        }),
    );
  } finally {
    await context.close();
  }
}
