// The Prisma client type the comment code works with: the app's one client (lib/db.ts), or
// a client the integration tests create the same way for their own database.
import type { db } from "../db";

export type Db = typeof db;
/** The client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
