// Makes the socket address of each request visible to route handlers and server actions,
// which only see headers (see lib/http/client-ip.ts for why X-Forwarded-For is not enough).
// Installed once per process from instrumentation.ts, before Next handles requests.
import http from "node:http";
import https from "node:https";
import { randomBytes } from "node:crypto";
import { PEER_HEADER, PEER_TOKEN_KEY } from "./client-ip";

const INSTALLED = Symbol.for("portal.peer-stamp.installed");

export function installPeerStamp(): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[INSTALLED]) return;
  g[INSTALLED] = true;
  // A client may send PEER_HEADER itself; the token, unknown outside this process, tells ours apart.
  const token = randomBytes(16).toString("hex");
  g[PEER_TOKEN_KEY] = token;
  for (const proto of [http.Server.prototype, https.Server.prototype] as { emit: (event: string | symbol, ...args: unknown[]) => boolean }[]) {
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request" || event === "checkContinue" || event === "checkExpectation") {
        const req = args[0] as http.IncomingMessage;
        req.headers[PEER_HEADER] = `${token} ${req.socket?.remoteAddress ?? ""}`;
      }
      return emit.call(this, event, ...args);
    };
  }
}
