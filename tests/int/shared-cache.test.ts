// The shared cache (lib/cache/cache-handler.mjs with REDIS_URL) as two instances use it: two
// Node processes load the handler as `next start` does and share one real Redis. What one
// writes the other reads; a tag revalidated on one is gone for the other; nothing is kept for
// answers that found nothing; every entry has a TTL and Redis running full evicts
// entries, never the tag map; and when Redis is out of reach, each
// process keeps answering from its own memory and comes back to Redis by itself, replaying
// the tags it revalidated meanwhile.
//
// Instance A connects as a Redis user of its own, so that A alone can be cut off (ACL user
// disabled, its connections killed) while Redis and its data stay up for B: the realistic
// "one instance lost its network path to Redis" case, where replaying tags matters.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis, type RunningRedis } from "../../scripts/lib/services/redis";

const TTL_SECONDS = 600;
const BUILD_ID = "test-build-1";
const PASSWORD = "pw-of-instance-a-7f3c9e";
// Generous: a call that has not answered by then has hung on Redis, which must never happen.
const CALL_DEADLINE_MS = 15_000;

type Entry = { kind: "FETCH" | "APP_PAGE"; body: string; tags?: string[]; status?: number };

class Instance {
  private next = 0;
  private waiting = new Map<number, (r: { ok: boolean; result?: unknown; error?: string }) => void>();
  stderr = "";
  constructor(private proc: ChildProcessWithoutNullStreams) {
    createInterface({ input: proc.stdout }).on("line", (line) => {
      const r = JSON.parse(line);
      this.waiting.get(r.id)?.(r);
      this.waiting.delete(r.id);
    });
    proc.stderr.on("data", (d) => (this.stderr += String(d)));
  }
  private call(op: string, args: object = {}): Promise<unknown> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${op} did not answer within ${CALL_DEADLINE_MS} ms (hung on Redis?)`)), CALL_DEADLINE_MS);
      this.waiting.set(id, (r) => {
        clearTimeout(timer);
        if (r.ok) resolve(r.result);
        else reject(new Error(r.error));
      });
      this.proc.stdin.write(`${JSON.stringify({ id, op, args })}\n`);
    });
  }
  set = (key: string, entry: Entry) => this.call("set", { key, entry });
  get = (key: string, kind: Entry["kind"], tags: string[] = []) => this.call("get", { key, kind, tags }) as Promise<string | null>;
  revalidateTag = (...tags: string[]) => this.call("revalidateTag", { tags });
  name = () => this.call("name") as Promise<string>;
  close() {
    this.proc.stdin.end();
    this.proc.kill();
  }
}

let redis: RunningRedis;
let dir: string;
let a: Instance;
let b: Instance;

function startInstance(url: string, build = ".next"): Instance {
  const env: NodeJS.ProcessEnv = { ...process.env, REDIS_URL: url, REDIS_CACHE_TTL_SECONDS: String(TTL_SECONDS), CACHE_MEMORY_MB: "8" };
  delete env.NEXT_PHASE;
  return new Instance(spawn(process.execPath, ["tests/support/cache-process.mjs", join(dir, build)], { env, stdio: ["pipe", "pipe", "pipe"] }));
}
const userA = () => redis.cli("ACL", "SETUSER", "instance-a", "on", `>${PASSWORD}`, "~*", "&*", "+@all");
function cutOffA() {
  redis.cli("ACL", "SETUSER", "instance-a", "off");
  redis.cli("CLIENT", "KILL", "USER", "instance-a");
}
const urlA = () => `redis://instance-a:${PASSWORD}@127.0.0.1:${redis.port}`;
/** Redis keys of this build, without the bookkeeping hashes. */
const entryKeys = () =>
  redis
    .cli("--scan", "--pattern", `portal:${BUILD_ID}:*`)
    .split("\n")
    .filter((k) => k && !k.includes("__"));

/** Polls `check` until it returns true; the deadline is generous, the outcome is what counts. */
async function eventually(what: string, check: () => Promise<boolean>, deadlineMs = 30_000) {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not within ${deadlineMs} ms: ${what}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "portal-shared-cache-"));
  mkdirSync(join(dir, ".next", "server"), { recursive: true });
  writeFileSync(join(dir, ".next", "BUILD_ID"), BUILD_ID);
  redis = await startRedis({ dir: join(dir, "redis") });
  userA();
  a = startInstance(urlA());
  b = startInstance(redis.url);
  expect(await a.name()).toBe("RedisCacheHandler");
  expect(await b.name()).toBe("RedisCacheHandler");
});
afterAll(async () => {
  a?.close();
  b?.close();
  await redis?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("two instances sharing one Redis", () => {
  it("serve each other's pages and data", async () => {
    await a.set("data-article-1", { kind: "FETCH", body: '{"title":"첫 기사"}', tags: ["article:1"] });
    await a.set("/articles/1", { kind: "APP_PAGE", body: "<h1>첫 기사</h1>", tags: ["article:1", "_N_T_/articles/1"] });
    expect(await b.get("data-article-1", "FETCH", ["article:1"])).toBe('{"title":"첫 기사"}');
    expect(await b.get("/articles/1", "APP_PAGE")).toBe("<h1>첫 기사</h1>|rsc:<h1>첫 기사</h1>");
  });

  it("a tag revalidated on one is gone for the other, and only that tag", async () => {
    await a.set("data-article-2", { kind: "FETCH", body: '{"title":"둘째"}', tags: ["article:2"] });
    expect(await a.get("data-article-1", "FETCH", ["article:1"])).not.toBeNull();
    await b.revalidateTag("article:1");
    expect(await a.get("data-article-1", "FETCH", ["article:1"])).toBeNull();
    expect(await a.get("/articles/1", "APP_PAGE")).toBeNull();
    expect(await a.get("data-article-2", "FETCH", ["article:2"])).toBe('{"title":"둘째"}');
  });

  it("keeps nothing for an answer that found nothing (404, empty reads)", async () => {
    await a.set("/articles/999999", { kind: "APP_PAGE", body: "없는 기사", status: 404 });
    await a.set("data-missing-null", { kind: "FETCH", body: "null" });
    await a.set("data-missing-list", { kind: "FETCH", body: "[]" });
    const keys = entryKeys();
    expect(keys).not.toContain(`portal:${BUILD_ID}:/articles/999999`);
    expect(keys.filter((k) => k.includes("missing"))).toEqual([]);
    expect(await b.get("/articles/999999", "APP_PAGE")).toBeNull();
    expect(await b.get("data-missing-null", "FETCH")).toBeNull();
  });

  it("gives every cache entry a TTL of at most REDIS_CACHE_TTL_SECONDS, and the tag bookkeeping none", async () => {
    await a.set("/archive/p/1", { kind: "APP_PAGE", body: "<ol>기사들</ol>", tags: ["list:all"] });
    const keys = redis.cli("--scan", "--pattern", "portal:*").split("\n").filter(Boolean);
    const bookkeeping = keys.filter((k) => k.includes("__") || k === "portal:builds");
    const entries = keys.filter((k) => !bookkeeping.includes(k));
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(bookkeeping.length).toBeGreaterThanOrEqual(2); // tags per key, their expiry, the builds
    for (const key of entries) {
      const ttl = Number(redis.cli("TTL", key));
      expect(ttl, key).toBeGreaterThan(0);
      expect(ttl, key).toBeLessThanOrEqual(TTL_SECONDS);
    }
    // volatile-lru evicts only keys with a TTL: the map a revalidation reads is never evicted.
    for (const key of bookkeeping) expect(Number(redis.cli("TTL", key)), key).toBe(-1);
  });

  it("when Redis runs full it evicts entries, never the tag map: a later edit still expires every page that carried the tag", async () => {
    const before = Number(/evicted_keys:(\d+)/.exec(redis.cli("INFO", "stats"))![1]);
    redis.cli("CONFIG", "SET", "maxmemory", "4mb");
    try {
      // 160 pages of ~48 kB that gzip cannot shrink: about twice what Redis may hold now.
      for (let i = 0; i < 160; i++) {
        await a.set(`/burst/${i}`, { kind: "APP_PAGE", body: randomBytes(36_000).toString("base64"), tags: ["section:burst"] });
      }
      const evicted = Number(/evicted_keys:(\d+)/.exec(redis.cli("INFO", "stats"))![1]) - before;
      expect(evicted).toBeGreaterThan(0);
      const survivors = entryKeys().filter((k) => k.includes("/burst/"));
      expect(survivors.length).toBeGreaterThan(0);
      expect(Number(redis.cli("EXISTS", `portal:${BUILD_ID}:__sharedTags__`))).toBe(1);
      const sample = survivors[survivors.length - 1].slice(`portal:${BUILD_ID}:`.length);
      expect(await b.get(sample, "APP_PAGE")).not.toBeNull();

      await b.revalidateTag("section:burst");
      expect(entryKeys().filter((k) => k.includes("/burst/"))).toEqual([]);
      expect(await a.get(sample, "APP_PAGE")).toBeNull();
    } finally {
      redis.cli("CONFIG", "SET", "maxmemory", "64mb");
    }
  });
});

describe("a rolling deploy: two builds on one Redis", () => {
  it("never read each other's entries, and a tag revalidated by either build reaches both", async () => {
    mkdirSync(join(dir, ".next-new", "server"), { recursive: true });
    writeFileSync(join(dir, ".next-new", "BUILD_ID"), "test-build-2");
    const next = startInstance(redis.url, ".next-new");
    try {
      await a.set("/articles/7", { kind: "APP_PAGE", body: "옛 빌드", tags: ["article:7"] });
      expect(await next.get("/articles/7", "APP_PAGE")).toBeNull();
      await next.set("/articles/7", { kind: "APP_PAGE", body: "새 빌드", tags: ["article:7"] });
      expect(await next.get("/articles/7", "APP_PAGE")).toBe("새 빌드|rsc:새 빌드");
      expect(await b.get("/articles/7", "APP_PAGE")).toBe("옛 빌드|rsc:옛 빌드");
      // An editor on an old instance saves article 7: the new build's page goes too.
      await b.revalidateTag("article:7");
      expect(await next.get("/articles/7", "APP_PAGE")).toBeNull();
      expect(await a.get("/articles/7", "APP_PAGE")).toBeNull();
    } finally {
      next.close();
    }
  });
});

describe("an instance cut off from Redis", () => {
  it("keeps answering from its own memory, and when Redis is back replays its tags and drops its local entries", async () => {
    await b.set("/articles/3", { kind: "APP_PAGE", body: "옛 제목", tags: ["article:3"] });
    expect(await a.get("/articles/3", "APP_PAGE")).toBe("옛 제목|rsc:옛 제목");

    // A loses Redis; Redis and B go on.
    cutOffA();
    await a.set("/articles/4", { kind: "APP_PAGE", body: "A가 그린 페이지", tags: ["article:4"] });
    expect(await a.get("/articles/4", "APP_PAGE")).toBe("A가 그린 페이지|rsc:A가 그린 페이지");
    expect(await b.get("/articles/4", "APP_PAGE")).toBeNull(); // not in Redis: A is cut off
    // A's editor saves article 3: the tag cannot reach Redis yet...
    await a.revalidateTag("article:3");
    expect(await b.get("/articles/3", "APP_PAGE")).toBe("옛 제목|rsc:옛 제목");
    // ...and a local entry revalidated meanwhile is gone at once.
    await a.revalidateTag("article:4");
    expect(await a.get("/articles/4", "APP_PAGE")).toBeNull();
    await a.set("/articles/5", { kind: "APP_PAGE", body: "A의 옛 사본", tags: ["article:5"] });

    // Redis answers A again: the tag reaches B by itself.
    userA();
    await eventually("article:3, revalidated by A during its outage, is gone for B", async () => (await b.get("/articles/3", "APP_PAGE")) === null);
    // A reads Redis again, not the copy it made while cut off.
    await b.set("/articles/5", { kind: "APP_PAGE", body: "새 사본", tags: ["article:5"] });
    await eventually("A reads the shared entry again", async () => (await a.get("/articles/5", "APP_PAGE")) === "새 사본|rsc:새 사본");

    // A next outage starts from an empty memory: what A kept during this one may be stale by now.
    cutOffA();
    expect(await a.get("/articles/5", "APP_PAGE")).toBeNull();
    userA();
    await eventually("A is back on Redis", async () => (await a.get("/articles/5", "APP_PAGE")) === "새 사본|rsc:새 사본");

    // Said once per outage, and without the password in REDIS_URL.
    expect(a.stderr.match(/Redis unavailable/g)).toHaveLength(2);
    expect(a.stderr.match(/Redis is back/g)).toHaveLength(2);
    expect(a.stderr).not.toContain(PASSWORD);
  });
});

describe("a Redis that stops answering", () => {
  it("holds no request: the calls answer from memory, and sharing resumes when it answers again", async () => {
    // Frozen, not stopped: connections stay open and commands get no answer until the calls
    // below are done; a call that waited for Redis would never answer (CALL_DEADLINE_MS).
    const pid = Number(readFileSync(join(dir, "redis", "redis.pid"), "utf8").trim());
    process.kill(pid, "SIGSTOP");
    try {
      await a.set("/frozen", { kind: "APP_PAGE", body: "얼어붙은 동안", tags: ["frozen"] });
      expect(await a.get("/frozen", "APP_PAGE")).toBe("얼어붙은 동안|rsc:얼어붙은 동안");
      expect(await b.get("/articles/5", "APP_PAGE")).toBeNull();
    } finally {
      process.kill(pid, "SIGCONT");
    }
    await eventually("A and B share again", async () => {
      await a.set("/thawed", { kind: "APP_PAGE", body: "다시", tags: ["frozen"] });
      return (await b.get("/thawed", "APP_PAGE")) === "다시|rsc:다시";
    });
  });
});

describe("Redis stopped and started again", () => {
  it("both keep answering while it is down, and share again once it is back", async () => {
    await redis.stop();
    for (const [who, i] of [["a", a], ["b", b]] as const) {
      await i.set(`/outage-${who}`, { kind: "APP_PAGE", body: `${who} 혼자`, tags: ["outage"] });
      expect(await i.get(`/outage-${who}`, "APP_PAGE")).toBe(`${who} 혼자|rsc:${who} 혼자`);
      await i.set(`data-outage-${who}`, { kind: "FETCH", body: `"${who}"`, tags: ["outage-data"] });
      expect(await i.get(`data-outage-${who}`, "FETCH", ["outage-data"])).toBe(`"${who}"`);
    }
    expect(await b.get("/outage-a", "APP_PAGE")).toBeNull();
    await b.revalidateTag("outage");
    expect(await b.get("/outage-b", "APP_PAGE")).toBeNull();

    await redis.restart();
    userA(); // the restarted Redis kept nothing, A's user included
    await eventually("an entry written by A is read by B through Redis", async () => {
      await a.set("/after-restart", { kind: "APP_PAGE", body: "다시 공유", tags: ["list:all"] });
      return (await b.get("/after-restart", "APP_PAGE")) === "다시 공유|rsc:다시 공유";
    });
    expect(entryKeys()).toContain(`portal:${BUILD_ID}:/after-restart`);
    expect(Number(redis.cli("TTL", `portal:${BUILD_ID}:/after-restart`))).toBeGreaterThan(0);
    // B's local copy made during the outage is not served any more.
    await eventually("B no longer serves what it kept during the outage", async () => (await b.get("data-outage-b", "FETCH", ["outage-data"])) === null);
  });
});
