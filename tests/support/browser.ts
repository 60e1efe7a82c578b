// Real Chromium for e2e tests: Debian's /usr/bin/chromium (scripts/test.ts installs it)
// driven by playwright-core, since `npx playwright install` cannot download here.
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";

// Flags that work as root and offline (see ../shared/ENVIRONMENT.md).
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ARGS, headless: true });
}

export type PageOptions = {
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
  /** Default: a regular desktop Chrome UA; headless Chromium's own says "HeadlessChrome",
   *  which the site rightly treats as a bot (its views are not counted). */
  userAgent?: string;
  timezoneId?: string;
};

/**
 * Runs `fn` in a fresh browser (its own temporary profile, so a fresh "visit" with empty
 * storage) and always closes it.
 */
export async function withPage<T>(fn: (page: Page) => Promise<T>, opts: PageOptions = {}): Promise<T> {
  const browser = await launchBrowser();
  try {
    const ctx: BrowserContextOptions = {
      javaScriptEnabled: opts.javaScriptEnabled ?? true,
      viewport: opts.viewport ?? { width: 1280, height: 900 },
      locale: "ko-KR",
      userAgent: opts.userAgent ?? `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Safari/537.36`,
      ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
    };
    const context = await browser.newContext(ctx);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return await fn(page);
  } finally {
    await browser.close();
  }
}
