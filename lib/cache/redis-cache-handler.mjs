// The shared cache of many instances: Next's ISR pages, route answers and data cache kept in
// Redis through @fortedigital/nextjs-cache-handler (the maintained successor of
// @neshca/cache-handler, with Next 16 support and the official `redis` client), so that a
// page rendered or a tag revalidated on one instance counts on all.
//
// Around the library's Redis handler this module adds what running it in production needs:
// - keys under `portal:<BUILD_ID>:`, so two builds never read each other's entries during a
//   rolling deploy, while a tag revalidated by either build still reaches both;
// - a TTL on every cache entry (REDIS_CACHE_TTL_SECONDS) so that Redis' `volatile-lru` evicts
//   them, and none on the tag bookkeeping, which eviction must never take;
// - when Redis is unreachable, a bounded local LRU (CACHE_MEMORY_MB) instead: requests never
//   wait on Redis (no offline queue, short timeouts); the outage and the recovery are logged
//   once; tags revalidated meanwhile are replayed to Redis when it is back, and the local
//   entries (which other instances' edits could not reach) are dropped then;
// - the local handler's rule: answers that found nothing are never kept.
// Plain JavaScript: Next imports this file at run time, outside the app's bundles.
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createLruHandler from "@fortedigital/nextjs-cache-handler/local-lru";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { createClient } from "redis";
import { keepable } from "./local-cache-handler.mjs";

const require = createRequire(import.meta.url);
const { SharedCacheControls } = require("next/dist/server/lib/incremental-cache/shared-cache-controls.external.js");

/** Settings, read here because Next loads this file before any TypeScript (see lib/env.ts). */
export function cacheSettings(source = process.env) {
  const num = (v, d) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Math.floor(Number(v)) : d);
  return {
    url: source.REDIS_URL || "",
    ttlSeconds: num(source.REDIS_CACHE_TTL_SECONDS, 86_400),
    memoryBytes: num(source.CACHE_MEMORY_MB, 50) * 1024 * 1024,
  };
}

const NAMESPACE = "portal:";
/** Sorted set of the builds writing to this Redis (score: when last seen), for cross-build revalidation. */
const BUILDS_KEY = `${NAMESPACE}builds`;
// A command that takes longer than this is treated as Redis being unavailable: a reader's
// request would rather render the page than wait.
const COMMAND_TIMEOUT_MS = 1_000;
const RECOVERY_CHECK_MS = 500;
const REGISTER_EVERY_MS = 10 * 60_000;
// Tags revalidated during an outage: a newsroom's day is a few hundred; beyond this the
// oldest are forgotten (their entries still expire by TTL) rather than growing memory.
const MAX_PENDING_TAGS = 10_000;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
/**
 * Entries gzipped (off the event loop, in libuv's pool): a page is its HTML, its RSC payload
 * and Next 16's per-segment payloads, which the library stores as base64 in JSON, 130-230 kB a
 * page in Redis; compressed, several times less.
 */
export const gzipSerializer = {
  serialize: async (value) => (await gzipAsync(JSON.stringify(value))).toString("base64"),
  deserialize: async (stored) => JSON.parse((await gunzipAsync(Buffer.from(String(stored), "base64"))).toString("utf8")),
};

/** Rejects after `ms` so that no request ever hangs on Redis, whatever the client does. */
function deadline(promise, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A short reason for a log line: the error's code or class, never a URL (it may hold a password). */
const reason = (e) => e?.code || e?.name || "error";

/**
 * The library's handler interface over Redis when it answers and over a local LRU when it
 * does not. Exported for the tests, which drive it without Next.
 * @param {{ client: import("redis").RedisClientType, buildId: string, ttlSeconds: number, memoryBytes: number, log?: (m: string) => void }} o
 */
export function createSharedHandler({ client, buildId, ttlSeconds, memoryBytes, log = console.warn }) {
  const newLocal = () => createLruHandler({ maxItemsNumber: 100_000, maxItemSizeBytes: memoryBytes });
  const handlers = new Map();
  /** The library's Redis handler for one build's keys. */
  const redisFor = (build) => {
    let h = handlers.get(build);
    if (!h) {
      h = createRedisHandler({
        client,
        keyPrefix: `${NAMESPACE}${build}:`,
        timeoutMs: COMMAND_TIMEOUT_MS,
        // The TTL goes with the SET itself: no key exists even for a moment without one.
        keyExpirationStrategy: "EXAT",
        valueSerializer: gzipSerializer,
      });
      handlers.set(build, h);
    }
    return h;
  };
  const own = redisFor(buildId);
  // The library's bookkeeping hashes (which key has which tags and until when) carry no TTL, on
  // purpose: under `volatile-lru` only keys with a TTL are evicted, so Redis running full drops
  // cache entries (rendered again on demand) but never the map a revalidation reads to find
  // them. An evicted map would make every later edit miss the pages it should expire. The
  // library prunes the map of expired entries on every revalidation (revalidateSharedKeys),
  // and a build not seen for a whole TTL has its map deleted (register), so it stays bounded.
  const bookkeeping = (build) => ["__sharedTags__", "__sharedTagsTtl__", "__revalidated_tags__"].map((k) => `${NAMESPACE}${build}:${k}`);

  let local = newLocal();
  let up = client.isReady;
  /** @type {Set<string>} */
  const pending = new Set();
  let lastRegistered = 0;
  let recovering = false;

  const markDown = (e) => {
    if (!up) return;
    up = false;
    log(`[cache] Redis unavailable (${reason(e)}): serving from this instance's memory until it returns`);
  };

  const register = async () => {
    const since = Date.now() - ttlSeconds * 1000;
    // Builds not seen for a whole TTL have no entry left: their bookkeeping goes too.
    const gone = (await deadline(client.zRangeByScore(BUILDS_KEY, 0, since), COMMAND_TIMEOUT_MS)).filter((b) => b !== buildId);
    const m = client.multi().zAdd(BUILDS_KEY, { score: Date.now(), value: buildId });
    for (const b of gone) m.zRem(BUILDS_KEY, b).unlink(bookkeeping(b));
    await deadline(m.exec(), COMMAND_TIMEOUT_MS);
    lastRegistered = Date.now();
  };

  /** Every build whose entries may still be in Redis (seen within the TTL). */
  const liveBuilds = async () => {
    const since = Date.now() - ttlSeconds * 1000;
    const builds = await deadline(client.zRangeByScore(BUILDS_KEY, since, "+inf"), COMMAND_TIMEOUT_MS);
    return new Set([buildId, ...builds]);
  };

  const revalidateEverywhere = async (tag) => {
    for (const build of await liveBuilds()) {
      await deadline(redisFor(build).revalidateTag(tag), COMMAND_TIMEOUT_MS * 4);
    }
  };

  /** Back to Redis once it answers: replay what was revalidated meanwhile, then forget local entries. */
  const recover = async () => {
    if (up || recovering || !client.isReady) return;
    recovering = true;
    try {
      await deadline(client.ping(), COMMAND_TIMEOUT_MS);
      await register();
      // Until the set is empty: requests still revalidate into it while this runs.
      while (pending.size > 0) {
        const tag = pending.values().next().value;
        await revalidateEverywhere(tag);
        pending.delete(tag);
      }
      local = newLocal();
      up = true;
      log("[cache] Redis is back: shared cache in use again");
    } catch {
      // Still unavailable; the next check tries again.
    } finally {
      recovering = false;
    }
  };

  const timer = setInterval(() => {
    if (!up) void recover();
    else if (Date.now() - lastRegistered > REGISTER_EVERY_MS) register().catch(markDown);
  }, RECOVERY_CHECK_MS);
  timer.unref();
  // A lost connection is noticed at once, not at the next failed command.
  client.on("end", () => markDown({ code: "connection closed" }));
  client.on("error", (e) => markDown(e));

  /** Runs `op` on Redis when it is up; on failure (or when down) runs `fallback` locally. */
  const either = async (op, fallback, ms = COMMAND_TIMEOUT_MS * 2) => {
    if (up && client.isReady) {
      try {
        return await deadline(op(), ms);
      } catch (e) {
        markDown(e);
      }
    } else markDown({ code: "not connected" });
    return fallback();
  };

  if (up) register().catch(markDown);

  return {
    name: "redis-with-local-fallback",
    get: (key, meta) =>
      either(
        () => own.get(key, meta),
        () => local.get(key, meta),
      ),
    set: (key, value, ctx) =>
      either(
        () => own.set(key, value, ctx),
        () => local.set(key, value, ctx),
      ),
    async revalidateTag(tag) {
      // Locally always: entries written during an outage must not outlive their tag either.
      await local.revalidateTag(tag);
      await either(
        () => revalidateEverywhere(tag),
        () => {
          if (pending.size >= MAX_PENDING_TAGS) pending.delete(pending.values().next().value);
          pending.add(tag);
        },
        // A tag scans the tag map of every live build: more than a read, and an editor waits
        // for it, not a reader.
        COMMAND_TIMEOUT_MS * 10,
      );
    },
    delete: (key) =>
      either(
        () => own.delete(key),
        () => local.delete(key),
      ),
    /** For the tests: whether Redis is in use, and how many revalidated tags wait for it. */
    state: () => ({ up, pending: pending.size }),
    close() {
      clearInterval(timer);
    },
  };
}

/** One Redis connection for the process: Next creates a handler object per request. */
async function connect(url) {
  const client = createClient({
    url,
    // Commands while disconnected fail at once instead of waiting in a queue for Redis.
    disableOfflineQueue: true,
    pingInterval: 5_000,
    socket: {
      connectTimeout: COMMAND_TIMEOUT_MS,
      // Keeps trying forever, at most every 2 s: the cache comes back by itself.
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
    },
  });
  // Errors are reported by the shared handler (once per outage); an unhandled "error" event
  // would end the process.
  client.on("error", () => {});
  // At start, wait a moment for Redis so the first requests already share; never longer.
  await deadline(client.connect(), COMMAND_TIMEOUT_MS * 2).catch(() => {});
  return client;
}

CacheHandler.onCreation(async ({ buildId }) => {
  const settings = cacheSettings();
  globalThis.__portalRedisCache ??= (async () => {
    const client = await connect(settings.url);
    const handler = createSharedHandler({ client, buildId: (buildId ?? "dev").trim(), ...settings });
    if (!handler.state().up) console.warn("[cache] Redis unavailable at start: serving from this instance's memory until it answers");
    return handler;
  })();
  return {
    handlers: [await globalThis.__portalRedisCache],
    ttl: {
      defaultStaleAge: settings.ttlSeconds,
      // Entries live until Next would revalidate them anyway, and never past the TTL.
      estimateExpireAge: (staleAge) => Math.max(1, Math.min(Math.floor(staleAge * 1.5), settings.ttlSeconds)),
    },
  };
});

/** The library's handler, keeping only what is worth a slot (see keepable). */
export default class RedisCacheHandler extends CacheHandler {
  /** @type {CacheHandler["set"]} */
  async set(key, data, ctx) {
    if (keepable(data)) return super.set(key, data, ctx);
    SharedCacheControls.cacheControls.delete(key);
  }
}
