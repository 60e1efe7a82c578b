// Which errors mean "PostgreSQL cannot be reached" (as opposed to a bad query or a bug), as
// thrown by pg, by adapter-pg (DriverAdapterError kinds) or by Prisma (P1001...), however deep
// in `cause`/`meta` they sit. Pure, so tests/unit can feed it the shapes seen in practice.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "ECONNRESET", "ETIMEDOUT", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]);
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
// 57P01-03: the server is shutting down or starting; class 08: connection exceptions.
const SQLSTATE = /^(57P0[123]|08\d{3})$/;
const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Can't reach database server/i;

export function isDatabaseUnreachable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 5) return false;
  const o = e as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  const code = typeof o.code === "string" ? o.code : "";
  if (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATE.test(code)) return true;
  if (typeof o.kind === "string" && ADAPTER_KINDS.has(o.kind)) return true;
  if (typeof o.message === "string" && (ADAPTER_KINDS.has(o.message) || MESSAGES.test(o.message))) return true;
  return isDatabaseUnreachable(o.cause, depth + 1) || isDatabaseUnreachable(o.meta?.driverAdapterError, depth + 1);
}

// The database is up but every pooled connection is in use for longer than the caller
// waits: Prisma's P2028 ("Unable to start a transaction in the given time", its transaction
// maxWait) and P2024 (no connection from the pool in time). Load, not an outage.
const BUSY_CODES = new Set(["P2024", "P2028"]);
const BUSY_MESSAGES = /Unable to start a transaction in the given time|Timed out fetching a new connection/i;

export function isDatabaseBusy(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 5) return false;
  const o = e as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof o.code === "string" && BUSY_CODES.has(o.code)) return true;
  if (typeof o.message === "string" && BUSY_MESSAGES.test(o.message)) return true;
  return isDatabaseBusy(o.cause, depth + 1);
}
