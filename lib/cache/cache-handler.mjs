// The cache handler next.config.mjs names: with REDIS_URL, pages, route answers and data
// (unstable_cache) are shared by every instance through Redis (redis-cache-handler.mjs);
// without it, the bounded local cache of one machine (local-cache-handler.mjs), as always.
// Chosen when the server starts, not at build time, so one build serves both.
//
// Plain JavaScript that Next imports outside the app's bundles, so it cannot use lib/env.ts;
// lib/env.ts declares and validates the same variables for the server's start.
import LocalCacheHandler from "./local-cache-handler.mjs";

// `next build` prerenders into its own folder and needs no Redis; only servers share.
const shared = Boolean(process.env.REDIS_URL) && process.env.NEXT_PHASE !== "phase-production-build";
const Handler = shared ? (await import("./redis-cache-handler.mjs")).default : LocalCacheHandler;

export default Handler;
