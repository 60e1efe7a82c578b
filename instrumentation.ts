// Runs once per server process: stamps each request with its socket address (comment limits)
// and arms the timer of scheduled publishing (lib/scheduler.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return; // not while building
  // Client IPs for the comment limits: the socket address, stamped on each request (lib/http/client-ip.ts).
  const { installPeerStamp } = await import("./lib/http/peer-stamp");
  installPeerStamp();
  if (!process.env.DATABASE_URL) return;
  const { startScheduler } = await import("./lib/scheduler");
  startScheduler();
}
