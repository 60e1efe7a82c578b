// The fixed-window counter against a real PostgreSQL, with the clock moved instead of waited for.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { hit, pruneRateLimits, type Limit } from "@/lib/limits/rate-limit";
import { migratedDatabase, withClient } from "../support/db";

let url: string;
let db: PrismaClient<never, { user: { passwordHash: true } }>;
const limit: Limit = { bucket: "test", max: 30, windowSeconds: 60 };
const t0 = new Date("2026-03-01T04:00:00.000Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function rows(bucket: string): Promise<number> {
  return withClient(url, async (c) => Number((await c.query("SELECT count(*) AS n FROM rate_limits WHERE bucket = $1", [bucket])).rows[0].n));
}

beforeAll(async () => {
  url = await migratedDatabase("int_rate_limit");
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 20 }), omit: { user: { passwordHash: true } } });
});

afterAll(async () => {
  await db?.$disconnect();
});

describe("rate limit", () => {
  it("allows max hits per window, refuses the next with the seconds to wait, and opens again in the next window", async () => {
    for (let i = 0; i < 30; i++) expect(await hit(db, limit, "a", at(10))).toEqual({ ok: true });
    expect(await hit(db, limit, "a", at(15))).toEqual({ ok: false, retryAfter: 45 });
    expect(await hit(db, limit, "a", at(59.5))).toEqual({ ok: false, retryAfter: 1 });
    expect(await hit(db, limit, "b", at(20))).toEqual({ ok: true }); // another client is not affected
    expect(await hit(db, limit, "a", at(60))).toEqual({ ok: true });
  });

  it("counts concurrent hits exactly (one atomic upsert each)", async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => hit(db, { ...limit, bucket: "race" }, "c", at(3600))));
    expect(results.filter((r) => r.ok)).toHaveLength(30);
    const hits = await withClient(url, async (c) => (await c.query("SELECT hits FROM rate_limits WHERE bucket = 'race'")).rows);
    expect(hits).toEqual([{ hits: 30 }]); // a full window is no longer written
  });

  it("keeps only the current windows: past ones are pruned", async () => {
    const bucket = { ...limit, bucket: "prune" };
    for (let m = 0; m < 50; m++) await hit(db, bucket, `k${m}`, at(7200 + m * 60));
    expect(await rows("prune")).toBeLessThan(50); // the limiter pruned on its own as the clock moved
    expect(await pruneRateLimits(db, "prune", at(7200 + 49 * 60))).toBeGreaterThanOrEqual(0);
    expect(await rows("prune")).toBe(1);
  });
});
