// The 조회 beacon against a real PostgreSQL: the route handler itself (client addresses
// through X-Forwarded-For, which is what the server sees without the socket stamp), and the
// window rule with the clock moved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { migratedDatabase, withClient } from "../support/db";

type Route = typeof import("@/app/api/views/[id]/route");
type Views = typeof import("@/lib/data/views");

let url: string;
let route: Route;
let views: Views;
const ids: number[] = [];
let draftId: number;

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return withClient(url, async (c) => (await c.query(text, params)).rows as T[]);
}
const count = async (id: number) => (await sql<{ v: number }>("SELECT view_count AS v FROM articles WHERE id = $1", [id]))[0].v;

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
function beacon(id: number, ip: string) {
  const req = new NextRequest(`http://localhost/api/views/${id}`, { method: "POST", headers: { "user-agent": BROWSER, "x-forwarded-for": ip } });
  return route.POST(req, { params: Promise.resolve({ id: String(id) }) });
}

beforeAll(async () => {
  url = await migratedDatabase("int_views_beacon");
  // The route uses the app's one client (lib/db.ts), made from DATABASE_URL on first import.
  process.env.DATABASE_URL = url;
  route = await import("@/app/api/views/[id]/route");
  views = await import("@/lib/data/views");
  await sql(`INSERT INTO sections (slug, name) VALUES ('yanbian', '연변')`);
  const ins = `INSERT INTO articles (section_id, title, excerpt, body, source_name, status, published_at, updated_at, view_count)
               VALUES (1, $1, '요약', '<p>본문</p>', '해란강뉴스', $2, now(), now(), 100) RETURNING id`;
  for (let i = 0; i < 6; i++) ids.push((await sql<{ id: number }>(ins, [`기사 ${i}`, "PUBLISHED"]))[0].id);
  draftId = (await sql<{ id: number }>(ins, ["초고", "DRAFT"]))[0].id;
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
});

describe("조회 beacon", () => {
  it("1,000 beacons from one address add 1; the flood is answered 429 with Retry-After", async () => {
    const id = ids[0];
    const before = await count(id);
    const statuses: number[] = [];
    for (let i = 0; i < 1000; i += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, () => beacon(id, "203.0.113.7")));
      statuses.push(...batch.map((r) => r.status));
    }
    expect(await count(id)).toBe(before + 1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(views.VIEW_BEACON_LIMIT.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1000 - views.VIEW_BEACON_LIMIT.max);
    const refused = await beacon(id, "203.0.113.7");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error).toContain("요청이 너무 많습니다");
  });

  it("the limit answers 429 without touching any article", async () => {
    const before = await count(ids[1]);
    const visits = await sql<{ n: string }>("SELECT count(*) AS n FROM article_view_visits WHERE article_id = $1", [ids[1]]);
    expect((await beacon(ids[1], "203.0.113.7")).status).toBe(429); // the address of the flood above
    expect(await count(ids[1])).toBe(before);
    expect(await sql("SELECT count(*) AS n FROM article_view_visits WHERE article_id = $1", [ids[1]])).toEqual(visits);
  });

  it("two addresses add 2, and show the live count", async () => {
    const id = ids[2];
    const before = await count(id);
    const a = await (await beacon(id, "198.51.100.1")).json();
    const b = await (await beacon(id, "198.51.100.2")).json();
    expect([a.views, b.views].sort()).toEqual([before + 1, before + 2]);
    expect((await (await beacon(id, "198.51.100.1")).json()).views).toBe(before + 2); // again: no count, live figure
    expect(await count(id)).toBe(before + 2);
  });

  it("one IPv6 /64 is one visitor", async () => {
    const id = ids[3];
    const before = await count(id);
    await beacon(id, "2001:db8:1:2::1");
    await beacon(id, "2001:db8:1:2:ffff::9");
    expect(await count(id)).toBe(before + 1);
  });

  it("answers 404 for a draft or a missing article and stores nothing for it", async () => {
    const before = await count(draftId);
    expect((await beacon(draftId, "198.51.100.3")).status).toBe(404);
    expect((await beacon(999_999, "198.51.100.3")).status).toBe(404);
    expect(await count(draftId)).toBe(before);
    expect(await sql("SELECT * FROM article_view_visits WHERE article_id IN ($1, 999999)", [draftId])).toEqual([]);
  });
});

describe("조회 window: once per address, article and China-time day", () => {
  const china = (iso: string) => new Date(iso); // instants written in UTC; China is UTC+8

  it("counts again only from midnight in China, and prunes the days before", async () => {
    const id = ids[4];
    const ip = "192.0.2.44";
    const before = await count(id);
    const at = async (iso: string) => {
      const r = await views.countBeacon(id, ip, china(iso));
      if (r.status !== 200) throw new Error(`status ${r.status}`);
      return r.views;
    };
    expect(await at("2026-03-01T02:00:00Z")).toBe(before + 1); // 10:00 in Yanji
    expect(await at("2026-03-01T09:00:00Z")).toBe(before + 1); // 17:00: same day
    expect(await at("2026-03-01T15:59:59Z")).toBe(before + 1); // 23:59:59: same day
    expect(await at("2026-03-01T16:00:00Z")).toBe(before + 2); // midnight: a new day
    expect(await at("2026-03-02T12:00:00Z")).toBe(before + 2);
    expect(await at("2026-03-04T01:00:00Z")).toBe(before + 3);

    const days = await sql<{ n: string }>("SELECT count(DISTINCT window_start) AS n FROM article_view_visits WHERE article_id = $1", [id]);
    expect(Number(days[0].n)).toBeLessThanOrEqual(3);
    await views.pruneViewVisits(new Date("2026-03-03T16:00:00Z"));
    const left = await sql<{ w: Date }>("SELECT window_start AS w FROM article_view_visits");
    expect(left.length).toBeGreaterThan(0);
    for (const r of left) expect(new Date(r.w).getTime()).toBeGreaterThanOrEqual(Date.UTC(2026, 2, 3, 16));
  });
});
