// Real Chromium for the e2e tests and the benchmark: Debian's /usr/bin/chromium (scripts/test.ts
// installs it) driven by playwright-core, since `npx playwright install` cannot download here.
import { chromium, type Browser } from "playwright-core";
import { DEFAULT_CHROMIUM_PATH, loadEnv } from "../../lib/env";

/** Flags that work as root and offline (no headless flag: each driver sets its own). */
export const OFFLINE_CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const ARGS = ["--headless", ...OFFLINE_CHROMIUM_FLAGS];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: loadEnv().CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH, args: ARGS, headless: true });
}
