// What must hold across instances, with a second instance as a real second process
// (tests/support/instance-child.ts) on the same database: a bin made here reaches the other
// process's 410 set through LISTEN/NOTIFY, a schedule change re-arms its timer, and when both
// processes' timers fire on the same due articles each article is published exactly once.
import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { adminFixture, insertArticle, type Fixture } from "./admin-fixtures";

let f: Fixture;
type Child = ChildProcessByStdio<Writable, Readable, null>;
let child: Child;
let lines: Record<string, unknown>[] = [];
let run: typeof import("../../lib/actions/safe-action").runAction;
let st: typeof import("../../lib/actions/core/article-status");
let due: typeof import("../../lib/actions/core/publish-due");
let sched: typeof import("../../lib/scheduler");
let events: typeof import("../../lib/events/instance");

/** Asks the other process something and waits for its answer (matched by `pick`). */
async function ask<T>(command: string, pick: (o: Record<string, unknown>) => boolean): Promise<T> {
  const seen = lines.length;
  child.stdin.write(`${command}\n`);
  return vi.waitFor(
    () => {
      const answer = lines.slice(seen).find(pick);
      if (!answer) throw new Error(`no answer to "${command}" yet`);
      return answer as T;
    },
    { timeout: 20_000, interval: 20 },
  );
}
const otherSaysGone = async (id: number) => (await ask<{ is: boolean }>(`gone ${id}`, (o) => o.gone === id)).is;

/** Another instance: a process of its own, whose JSON answers land in `into`. */
function startChild(into: Record<string, unknown>[]): Child {
  const c = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/instance-child.ts"], {
    env: { ...process.env, DATABASE_URL: f.url },
    stdio: ["pipe", "pipe", "inherit"],
  });
  createInterface({ input: c.stdout }).on("line", (l) => {
    try {
      into.push(JSON.parse(l));
    } catch {
      // not ours (a library's chatter)
    }
  });
  return c;
}

beforeAll(async () => {
  f = await adminFixture("int_instances");
  ({ runAction: run } = await import("../../lib/actions/safe-action"));
  st = await import("../../lib/actions/core/article-status");
  due = await import("../../lib/actions/core/publish-due");
  sched = await import("../../lib/scheduler");
  events = await import("../../lib/events/instance");
  child = startChild(lines);
  // The other instance is up once its listener has connected.
  await vi.waitFor(
    async () => {
      if (!(await ask<{ connected: boolean }>("state", (o) => "connected" in o)).connected) throw new Error("not connected yet");
    },
    { timeout: 60_000, interval: 200 },
  );
}, 120_000);

afterAll(async () => {
  sched?.stopScheduler();
  await events?.stopEvents();
  if (child && child.exitCode === null) {
    child.stdin.end();
    await new Promise((r) => child.once("exit", r));
  }
});

describe("the binned-article set across processes", () => {
  it("a bin here answers 410 in the other process, and a restore undoes it, without waiting for its refresh", async () => {
    const id = await insertArticle(f, { title: "지울 기사" });
    // The other process reads its set now; its own refresh comes only GONE_REFRESH_MS (10 s)
    // later, so within the polls below only the notification can tell it.
    expect(await otherSaysGone(id)).toBe(false);
    expect(await run(st.trashArticle, f.editor, { id: String(id) })).toMatchObject({ ok: true });
    await expect.poll(() => otherSaysGone(id), { timeout: 8_000, interval: 100 }).toBe(true);

    expect(await run(st.restoreArticle, f.editor, { id: String(id) })).toMatchObject({ ok: true });
    await expect.poll(() => otherSaysGone(id), { timeout: 8_000, interval: 100 }).toBe(false);
  });
});

describe("scheduled publishing across processes", () => {
  it("a schedule change re-arms the other process's timer at once", async () => {
    const at = new Date(Date.now() + 3_600_000);
    const id = await insertArticle(f, { status: "SCHEDULED", publishedAt: at });
    sched.scheduleChanged();
    await expect.poll(async () => (await ask<{ dueAt: number | null }>("state", (o) => "dueAt" in o)).dueAt, { timeout: 10_000, interval: 100 }).toBe(at.getTime());
    await f.sql("DELETE FROM articles WHERE id = $1", [id]);
    sched.scheduleChanged();
    await expect.poll(async () => (await ask<{ dueAt: number | null }>("state", (o) => "dueAt" in o)).dueAt, { timeout: 10_000, interval: 100 }).toBe(null);
  });

  it("both processes' timers fire on the same due articles; each is published once, by one of them", async () => {
    const mine: number[][] = [];
    sched.setSchedulerTrigger(async () => {
      const r = await due.publishDue();
      if (r.ids.length) mine.push(r.ids);
    });
    const at = new Date(Date.now() + 1_500);
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push(await insertArticle(f, { status: "SCHEDULED", publishedAt: at, sectionId: f.sections[i % 3] }));
    const before = lines.length;
    sched.scheduleChanged(); // arms this process's timer and, through NOTIFY, the other's
    await expect.poll(async () => (await f.sql<{ n: number }>("SELECT count(*)::int AS n FROM articles WHERE id = ANY($1) AND status = 'PUBLISHED'", [ids]))[0].n, { timeout: 30_000, interval: 100 }).toBe(12);
    // Both timers fired (the other process re-armed on its own: it reports its next due time
    // as none once it has run), and the flips they got back are disjoint and complete.
    await expect.poll(async () => (await ask<{ dueAt: number | null }>("state", (o) => "dueAt" in o)).dueAt, { timeout: 10_000, interval: 100 }).toBe(null);
    const theirs = lines.slice(before).filter((o) => Array.isArray(o.published)).map((o) => o.published as number[]);
    const all = [...mine.flat(), ...theirs.flat()].sort((a, b) => a - b);
    expect(all).toEqual([...ids].sort((a, b) => a - b));
  });

  it("an instance that starts publishes at once what fell due while none was running", async () => {
    sched.stopScheduler();
    // Due a minute ago: no timer was armed for it (as if every instance had been down).
    const id = await insertArticle(f, { status: "SCHEDULED", publishedAt: new Date(Date.now() - 60_000) });
    const said: Record<string, unknown>[] = [];
    const late = startChild(said);
    try {
      await expect.poll(async () => (await f.sql<{ status: string }>("SELECT status FROM articles WHERE id = $1", [id]))[0].status, { timeout: 60_000, interval: 100 }).toBe("PUBLISHED");
      await expect.poll(() => said.some((o) => Array.isArray(o.published) && (o.published as number[]).includes(id)), { timeout: 10_000 }).toBe(true);
    } finally {
      late.stdin.end();
      await new Promise((r) => late.once("exit", r));
    }
  });

  it("publishDue racing in many connections hands every due row to exactly one caller", async () => {
    const past = new Date(Date.now() - 60_000);
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push(await insertArticle(f, { status: "SCHEDULED", publishedAt: past, sectionId: f.sections[i % 3] }));
    const results = await Promise.all(Array.from({ length: 6 }, () => due.publishDue()));
    const got = results.flatMap((r) => r.ids).sort((a, b) => a - b);
    expect(got).toEqual([...ids].sort((a, b) => a - b));
    // Each article's tag is revalidated by the one caller that flipped it.
    const articleTags = results.flatMap((r) => r.tags.filter((t) => t.startsWith("article:")));
    expect(articleTags.sort()).toEqual(ids.map((id) => `article:${id}`).sort());
  });
});
