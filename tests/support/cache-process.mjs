// One "instance" for tests/int/shared-cache.test.ts: a Node process that loads the cache
// handler next.config.mjs names, exactly as `next start` does (its default export, constructed
// with the build folder), and runs the test's calls on it. One JSON line in per call on stdin,
// one JSON line out on stdout. Argument: the build folder (holding BUILD_ID).
import { createInterface } from "node:readline";
import { join } from "node:path";

const distDir = process.argv[2];
const { default: Handler } = await import("../../lib/cache/cache-handler.mjs");
const handler = () => new Handler({ serverDistDir: join(distDir, "server"), dev: false, flushToDisk: false, maxMemoryCacheSize: 50 * 1024 * 1024 });

/** What the test writes: a data-cache read (unstable_cache) or a page, by a small description. */
function value(d) {
  if (d.kind === "FETCH") return { kind: "FETCH", data: { headers: {}, body: d.body, status: 200, url: "" }, revalidate: d.revalidate ?? 300 };
  return {
    kind: "APP_PAGE",
    html: d.body,
    rscData: Buffer.from(`rsc:${d.body}`),
    headers: { "x-next-cache-tags": (d.tags ?? []).join(",") },
    postponed: undefined,
    status: d.status ?? 200,
    segmentData: undefined,
  };
}

/** What the test reads back: the body, or null for a miss. */
function body(entry) {
  const v = entry?.value;
  if (!v) return null;
  if (v.kind === "FETCH") return v.data.body;
  if (v.kind === "APP_PAGE") return `${v.html}|${Buffer.from(v.rscData).toString()}`;
  return `unexpected ${v.kind}`;
}

const calls = {
  name: () => Handler.name,
  async set({ key, entry }) {
    const ctx = entry.kind === "FETCH" ? { fetchCache: true, tags: entry.tags ?? [], revalidate: entry.revalidate ?? 300 } : { cacheControl: { revalidate: 3600, expire: undefined } };
    await handler().set(key, value(entry), ctx);
    return true;
  },
  async get({ key, kind, tags }) {
    const ctx = kind === "FETCH" ? { kind: "FETCH", tags: tags ?? [], softTags: [] } : { kind: "APP_PAGE", isFallback: false };
    return body(await handler().get(key, ctx));
  },
  async revalidateTag({ tags }) {
    await handler().revalidateTag(tags, { expire: 0 });
    return true;
  },
};

const lines = createInterface({ input: process.stdin });
let running = Promise.resolve();
// One call at a time, in order, as the test sends them.
lines.on("line", (line) => (running = running.then(() => run(line))));
lines.on("close", () => running.then(() => process.exit(0)));

async function run(line) {
  const { id, op, args } = JSON.parse(line);
  try {
    const result = await calls[op](args ?? {});
    process.stdout.write(`${JSON.stringify({ id, ok: true, result })}\n`);
  } catch (e) {
    process.stdout.write(`${JSON.stringify({ id, ok: false, error: String(e?.stack ?? e) })}\n`);
  }
}
