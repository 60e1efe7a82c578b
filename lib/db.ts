// The one Prisma client of the primary (adapter-pg, one pool). Only lib/data and
// lib/actions import it; reader pages' queries may use lib/read-db.ts instead (replicas).
import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { noteDatabaseFailure, noteDatabaseReachable } from "./http/db-outage";
import { isDatabaseUnreachable } from "./db-errors";
import { env } from "./env";

export { isDatabaseUnreachable };

/** Our own pool so that failed and successful connections are noted (lib/http/db-outage.ts):
 *  while PostgreSQL is away, uncached pages answer 503 instead of 500 (lib/http/request-guard.ts). */
function watchedPool(url: string): pg.Pool {
  // A database host that drops packets would otherwise keep a request waiting forever.
  const pool = new pg.Pool({ connectionString: url, max: env.DB_POOL_MAX, connectionTimeoutMillis: 5_000 });
  pool.on("connect", () => noteDatabaseReachable());
  pool.on("error", (e) => isDatabaseUnreachable(e) && noteDatabaseFailure());
  // pg calls connect() both ways: with a callback (pool.query) and for a promise (adapter-pg).
  const connect = pool.connect.bind(pool) as (cb?: (err: Error | undefined, ...rest: unknown[]) => void) => Promise<pg.PoolClient> | void;
  pool.connect = ((cb?: (err: Error | undefined, ...rest: unknown[]) => void) => {
    if (cb) return connect((err, ...rest) => (err && noteDatabaseFailure(), cb(err, ...rest)));
    return (connect() as Promise<pg.PoolClient>).catch((e: unknown) => {
      noteDatabaseFailure();
      throw e;
    });
  }) as typeof pool.connect;
  return pool;
}

/** A client on `pool` with the app's options (the primary's below; lib/replicas makes one per replica). */
export function clientFor(pool: pg.Pool) {
  return new PrismaClient({ adapter: new PrismaPg(pool), omit: { user: { passwordHash: true } } });
}

function create() {
  const url = env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the portal with `npm start`.");
  return clientFor(watchedPool(url));
}

const g = globalThis as unknown as { __prisma?: ReturnType<typeof create> };
export const db = g.__prisma ?? (g.__prisma = create());
export type Db = typeof db;
