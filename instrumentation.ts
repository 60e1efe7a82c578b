// Runs once per server process: stamps each request with its socket address (comment limits),
// installs the server hooks (400/405 before Next, HSTS, 503 while the database is away) and
// arms the timer of scheduled publishing (lib/scheduler.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return; // not while building
  // Client IPs for the comment limits: the socket address, stamped on each request (lib/http/client-ip.ts).
  const { installPeerStamp } = await import("./lib/http/peer-stamp");
  installPeerStamp();
  const { installServerHooks } = await import("./lib/http/server-hooks");
  installServerHooks();
  if (!process.env.DATABASE_URL) return;
  const { startScheduler } = await import("./lib/scheduler");
  startScheduler();
}
