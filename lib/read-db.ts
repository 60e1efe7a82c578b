// The client for reader queries (lib/data modules behind the public pages): a replica in
// rotation when DATABASE_REPLICA_URLS has one (lib/replicas/set.ts), else the primary. A query
// a replica fails (down, or cancelled by replay) runs again on the primary: readers never see
// a replica's trouble. Writes and reads that must see a write just made (admin, comments,
// view beacons, captcha, sign-in, limits, settings) use `db` from lib/db.ts, never this:
// tests/unit/read-db-rule.test.ts checks who imports it.
//
// Not @prisma/extension-read-replicas: it sends $queryRaw (most of our reader queries) to the
// primary, picks replicas at random whether they are up or lagging, and routes every model
// read of the admin to a replica too, which would break read-your-own-writes there.
import "server-only";
import { db, isDatabaseUnreachable, type Db } from "./db";
import { pickReplica, takeOut } from "./replicas/set";

/** Runs `fn` on a replica in rotation, or the primary; once more on the primary if the replica fails. */
export async function onReader<T>(fn: (c: Db) => Promise<T>): Promise<T> {
  const r = pickReplica();
  if (!r) return fn(db);
  try {
    return await fn(r.client);
  } catch (e) {
    // Prisma's message spans lines ("Invalid ... invocation:", then the cause): the cause is enough.
    if (isDatabaseUnreachable(e)) takeOut(r, `does not answer (${String((e as Error).message).trim().split("\n").at(-1)})`);
    return fn(db);
  }
}

type Fn = (...args: unknown[]) => Promise<unknown>;

/**
 * `readDb.article.findMany(...)`, `readDb.$queryRaw\`...\``: the same calls as on `db`, each
 * through onReader. Results are plain promises, so not for `$transaction([...])`: use onReader.
 */
export const readDb: Db = new Proxy({} as Db, {
  get(_, prop) {
    const onPrimary = Reflect.get(db, prop) as unknown;
    if (typeof onPrimary === "function") return (...args: unknown[]) => onReader((c) => (Reflect.get(c, prop) as Fn).apply(c, args));
    if (onPrimary && typeof onPrimary === "object") {
      // A model (readDb.article): its methods, each through onReader.
      return new Proxy(onPrimary, {
        get: (model, method) =>
          typeof Reflect.get(model, method) === "function"
            ? (...args: unknown[]) => onReader((c) => {
                const m = Reflect.get(c, prop) as Record<PropertyKey, Fn>;
                return m[method as string](...args);
              })
            : Reflect.get(model, method),
      });
    }
    return onPrimary;
  },
});
