// Runs once per server process: stamps each request with its socket address (comment limits),
// installs the server hooks (400/405 before Next, HSTS, 503 while the database is away) and
// arms the timer of scheduled publishing (lib/scheduler.ts) and listens for other instances' changes.
export async function register() {
  // Both are Next's own signals, not settings: Next replaces NEXT_RUNTIME at build time, which
  // keeps the Node-only imports below out of the edge bundle.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return; // not while building
  // A bad setting stops the server now, with a message naming it, not at some later request.
  const { envOrExit } = await import("./lib/env");
  const env = envOrExit();
  // Client IPs for the comment limits: the socket address, stamped on each request (lib/http/client-ip.ts).
  const { installPeerStamp } = await import("./lib/http/peer-stamp");
  installPeerStamp();
  const { installServerHooks } = await import("./lib/http/server-hooks");
  installServerHooks();
  if (!env.DATABASE_URL) return;
  const { startScheduler } = await import("./lib/scheduler");
  startScheduler();
  // One LISTEN connection: bins, restores and schedule changes made on other instances.
  const { startEvents } = await import("./lib/events/instance");
  startEvents();
}
