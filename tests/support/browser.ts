// Pages in real Chromium for the e2e tests (see scripts/lib/chromium.ts).
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll } from "vitest";
import { launchChromium } from "../../scripts/lib/chromium";

export type PageOptions = {
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
  /** Default: a regular desktop Chrome UA; headless Chromium's own says "HeadlessChrome",
   *  which the site rightly treats as a bot (its views are not counted). */
  userAgent?: string;
  timezoneId?: string;
};

// One Chromium per test file (launching one is the slow part, seconds on a busy machine),
// and a fresh context per test: its own cookies, storage and cache, so still a new "visit".
let shared: Promise<Browser> | null = null;
afterAll(async () => {
  const b = shared;
  shared = null;
  if (b) await (await b.catch(() => null))?.close();
});

function browser(): Promise<Browser> {
  if (!shared) {
    shared = launchChromium();
    shared.catch(() => (shared = null)); // a failed launch is retried by the next test
  }
  return shared;
}

/** Runs `fn` in a fresh browser context (empty cookies and storage) and always closes it. */
export async function withPage<T>(fn: (page: Page) => Promise<T>, opts: PageOptions = {}): Promise<T> {
  const b = await browser();
  const ctx: BrowserContextOptions = {
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    locale: "ko-KR",
    userAgent: opts.userAgent ?? `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${b.version()} Safari/537.36`,
    ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
  };
  const context = await b.newContext(ctx);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return await fn(page);
  } finally {
    await context.close();
  }
}

/** Signs in through the newsroom's form: `path` sends to sign-in first and back after it. */
export async function signInThrough(page: Page, baseUrl: string, who: { email: string; password: string }, path: string): Promise<void> {
  await page.goto(baseUrl + path);
  await page.waitForURL(/\/admin\/login\?next=/);
  await hydrated(page, "form.sign-in-form");
  await page.fill("#f-email", who.email);
  await page.fill("#f-password", who.password);
  await page.click("form.sign-in-form button[type=submit]");
  await page.waitForURL((u) => u.pathname === path);
}

/**
 * Waits until the client island matching `selector` has hydrated: islands set `data-hydrated`
 * in an effect, so before that a click would reach plain HTML (a full form post, or nothing).
 */
export async function hydrated(page: Page, selector: string): Promise<void> {
  await page.locator(`${selector}[data-hydrated]`).first().waitFor({ state: "attached" });
}
