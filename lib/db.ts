// The one Prisma client of the process (adapter-pg, one pool). Only lib/data and
// lib/actions import it.
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

function create() {
  const url = env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the portal with `npm start`.");
  const adapter = new PrismaPg(watchedPool(url));
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

const g = globalThis as unknown as { __prisma?: ReturnType<typeof create> };
export const db = g.__prisma ?? (g.__prisma = create());
