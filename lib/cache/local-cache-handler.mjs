// The server's ISR and data cache (next.config.mjs `cacheHandler`), bounded by design: Next's
// own file-system cache with its in-memory LRU (`cacheMaxMemorySize` bytes) and without the
// disk, which it would fill with one entry per URL ever asked for. Answers that found nothing
// are never kept, so requests for things that do not exist cost a render, not a cache slot.
// Plain JavaScript: Next imports this file at run time, outside the app's bundles.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/** @type {typeof import("next/dist/server/lib/incremental-cache/file-system-cache").default} */
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;
// Next remembers each rendered URL's revalidate time in a process-wide Map that nothing ever
// trims (16.4); for an answer we do not keep, the remembered time is forgotten too.
const { SharedCacheControls } = require("next/dist/server/lib/incremental-cache/shared-cache-controls.external.js");

// What a cached read (`unstable_cache`) returns for "not found" in lib/data: null or nothing.
const EMPTY_BODIES = new Set(["null", "[]", undefined]);

/**
 * Whether an entry is worth a slot: not an error page or route answer (404, 410...), and not
 * an empty read. There are endlessly many ways to miss, and missing is cheap to compute again.
 * @param {any} data
 */
export function keepable(data) {
  if (!data) return false;
  if ((data.kind === "APP_PAGE" || data.kind === "APP_ROUTE") && data.status >= 400) return false;
  if (data.kind === "FETCH" && EMPTY_BODIES.has(data.data?.body)) return false;
  return true;
}

export default class LocalCacheHandler extends FileSystemCache {
  /** @param {ConstructorParameters<typeof FileSystemCache>[0]} ctx */
  constructor(ctx) {
    // Entries prerendered by `next build` are still read from the build's folder; nothing new
    // is written there, so the folder never grows while the server runs.
    super({ ...ctx, flushToDisk: false });
  }

  /** @type {FileSystemCache["set"]} */
  async set(key, data, ctx) {
    if (keepable(data)) return super.set(key, data, ctx);
    SharedCacheControls.cacheControls.delete(key);
  }
}
