// Searches are rendered per request and run SQL, so each address gets SEARCH_LIMIT of them
// per minute (SEARCH_LIMIT_PER_MINUTE, 30 unless the operator says otherwise). Checked in
// proxy.ts: a page cannot answer 429 in the App Router.
import "server-only";
import { db } from "../db";
import { env } from "../env";
import { requestClientHash } from "../comments/ip-hash";
import { hit, type Limit, type Verdict } from "../limits/rate-limit";

// `max` is read when used: importing this module must not parse the settings (lib/env.ts).
export const SEARCH_LIMIT: Limit = {
  bucket: "search",
  get max() {
    return env.SEARCH_LIMIT_PER_MINUTE;
  },
  windowSeconds: 60,
};

type HeaderSource = { get(name: string): string | null };

/** Counts one search of this request's client; the empty form (no words) costs nothing. */
export async function checkSearchLimit(headers: HeaderSource, query: string | null): Promise<Verdict> {
  if (!query?.trim()) return { ok: true };
  const key = await requestClientHash(db, headers);
  return hit(db, SEARCH_LIMIT, key);
}
