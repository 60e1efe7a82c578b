// Whether /articles/{id} names a published article, for proxy.ts: a missing one then gets the
// reader's 404 page as server-rendered HTML (lib/seo/status-page.ts). Left to the page, Next
// 16 answers notFound() from an on-demand (ISR) page with an empty document whose content only
// script draws (vercel/next.js#95613): no frame for a reader without JavaScript or a crawler.
//
// Cost on the hot path: articles found are remembered for a minute in a bounded map (one
// lookup per request); an id not remembered costs one index probe, as rendering its 404 did
// before. Only the found are remembered, so random ids cannot fill memory, and an article
// published a moment ago is never held as missing. When the database does not answer within
// PROBE_TIMEOUT_MS (down, or busy), the proxy lets the request through: a cached page is still
// served and the page decides.
import "server-only";
import { readDb } from "../read-db";
import { publishedSql } from "./published";

const FOUND_TTL_MS = 60_000;
const FOUND_MAX = 50_000;
export const PROBE_TIMEOUT_MS = 500;

type State = { found: Map<number, number>; probes: Map<number, Promise<boolean | null>> };
const g = globalThis as unknown as { __articleExists?: State };
const state = (g.__articleExists ??= { found: new Map(), probes: new Map() });

function remember(id: number) {
  state.found.delete(id);
  state.found.set(id, Date.now() + FOUND_TTL_MS);
  // Oldest first: the map keeps insertion order.
  while (state.found.size > FOUND_MAX) state.found.delete(state.found.keys().next().value!);
}

/** true: published; false: not; null: the database did not say in time. One probe per id at a time. */
function probe(id: number): Promise<boolean | null> {
  let p = state.probes.get(id);
  if (!p) {
    const query = readDb
      .$queryRaw<{ one: number }[]>`SELECT 1 AS one FROM articles WHERE id = ${id} AND ${publishedSql()} LIMIT 1`
      .then((rows) => rows.length > 0)
      .catch(() => null);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), PROBE_TIMEOUT_MS)));
    p = Promise.race([query, timeout]).finally(() => {
      clearTimeout(timer);
      state.probes.delete(id);
    });
    state.probes.set(id, p);
  }
  return p;
}

/** True only when the database says no published article has this id. */
export async function isMissingArticle(id: number): Promise<boolean> {
  const until = state.found.get(id);
  if (until !== undefined && until > Date.now()) return false;
  const found = await probe(id);
  if (found) remember(id);
  return found === false;
}
