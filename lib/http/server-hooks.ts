// Three small hooks on Node's HTTP server, installed once per process from instrumentation.ts
// (like peer-stamp.ts), for what the App Router cannot do itself:
// - answer malformed URLs (400) and wrong methods (405) before Next turns them into 500s or
//   pages (request-guard.ts);
// - add HSTS when SITE_URL is https (next.config headers() are fixed at build time);
// - turn a 500 into 503 + Retry-After while the data layer reports PostgreSQL unreachable
//   (db-outage.ts): a page that could not be rendered because the database is away is a
//   temporary outage, and crawlers and proxies treat a 503 as one. Likewise for a few seconds
//   after a query gave up waiting for a pooled connection (load, not an outage: shorter Retry-After).
import http from "node:http";
import https from "node:https";
import { env } from "../env";
import { BUSY_RETRY_AFTER_SECONDS, databaseRecentlyBusy, databaseRecentlyUnreachable, RETRY_AFTER_SECONDS } from "./db-outage";
import { guardPage, guardRequest, originForm, plainPage } from "./request-guard";
import { busy, unavailable } from "./unavailable-text";
import { hstsHeader, STATIC_SECURITY_HEADERS } from "./security-headers.mjs";

const INSTALLED = Symbol.for("portal.server-hooks.installed");
type Emit = (event: string | symbol, ...args: unknown[]) => boolean;

export function installServerHooks(siteUrl: string = env.SITE_URL): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[INSTALLED]) return;
  g[INSTALLED] = true;
  const hsts = hstsHeader(siteUrl);

  for (const proto of [http.Server.prototype, https.Server.prototype] as { emit: Emit }[]) {
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event !== "request") return emit.call(this, event, ...args);
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const path = originForm(req.url ?? "");
      if (path !== null) req.url = path;
      const answer = guardRequest(req.method ?? "GET", path ?? "", (n) => req.headers[n] as string | undefined);
      if (!answer) return emit.call(this, event, ...args);
      // Next never sees this request, so its configured headers must be added here.
      for (const h of STATIC_SECURITY_HEADERS) res.setHeader(h.key, h.value);
      res.setHeader("Content-Security-Policy", "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
      if (answer.allow) res.setHeader("Allow", answer.allow);
      res.setHeader("Cache-Control", "no-store");
      if (answer.status === 204) {
        res.writeHead(204).end();
      } else {
        const body = guardPage(answer.status);
        res.writeHead(answer.status, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
        res.end(req.method === "HEAD" ? undefined : body);
      }
      req.resume(); // drain a body we will not read, so the connection can be reused
      return true;
    };
  }

  // Patched once on the prototype (not per response): every status line and body passes here.
  // A 500 while the database is away becomes a 503 with Retry-After and the Korean outage page
  // (Next's own error document is an empty shell that only JavaScript fills in).
  const res = http.ServerResponse.prototype as unknown as Patchable;
  const { writeHead, write, end } = res;
  // Which 503 a 500 becomes, if any: the database away, or too busy to answer in time.
  const why = (): "down" | "busy" | null => (databaseRecentlyUnreachable() ? "down" : databaseRecentlyBusy() ? "busy" : null);
  const outage = (r: Patchable, status: number) => status === 500 && !r[OUTAGE] && why() !== null;
  const startOutage = (r: Patchable) => {
    r[OUTAGE] = why() ?? "down";
    r.statusCode = 503;
    r.removeHeader("Content-Length");
    r.removeHeader("Content-Encoding");
    r.setHeader("Content-Type", "text/html; charset=utf-8");
    r.setHeader("Retry-After", String(r[OUTAGE] === "busy" ? BUSY_RETRY_AFTER_SECONDS : RETRY_AFTER_SECONDS));
    r.setHeader("Cache-Control", "no-store");
  };
  res.writeHead = function (this: Patchable, status: number, ...rest: unknown[]) {
    if (hsts && !this.hasHeader(hsts.key)) this.setHeader(hsts.key, hsts.value);
    if (outage(this, status)) {
      startOutage(this);
      status = 503;
      rest = rest.map((a) => (typeof a === "string" ? "Service Unavailable" : withoutBodyHeaders(a)));
    }
    return writeHead.call(this, status, ...rest);
  };
  res.write = function (this: Patchable, ...args: unknown[]) {
    if (!this.headersSent && outage(this, this.statusCode)) startOutage(this);
    if (!this[OUTAGE]) return write.apply(this, args);
    const cb = args.find((a) => typeof a === "function") as (() => void) | undefined;
    if (cb) process.nextTick(cb);
    return true; // Next's body is replaced by ours in end()
  };
  res.end = function (this: Patchable, ...args: unknown[]) {
    if (!this.headersSent && outage(this, this.statusCode)) startOutage(this);
    if (!this[OUTAGE]) return end.apply(this, args);
    const cb = args.find((a) => typeof a === "function");
    const words = this[OUTAGE] === "busy" ? busy : unavailable;
    const body = this.req?.method === "HEAD" ? "" : plainPage(words.title, words.message);
    return end.call(this, body, "utf8", cb);
  };
}

const OUTAGE = Symbol("portal.outage");
type Patchable = Omit<http.ServerResponse, "writeHead" | "write" | "end"> & {
  [OUTAGE]?: "down" | "busy";
  writeHead: (status: number, ...rest: unknown[]) => http.ServerResponse;
  write: (...args: unknown[]) => boolean;
  end: (...args: unknown[]) => http.ServerResponse;
};

/** Headers given to writeHead() directly, minus those describing the body we replace. */
function withoutBodyHeaders(h: unknown): unknown {
  const drop = (k: string) => /^content-(length|type|encoding)$/i.test(k);
  if (Array.isArray(h)) return h.flatMap((v, i, all) => (i % 2 === 0 ? (drop(String(v)) ? [] : [v, all[i + 1]]) : []));
  if (h && typeof h === "object") return Object.fromEntries(Object.entries(h).filter(([k]) => !drop(k)));
  return h;
}
