// The one LISTEN connection of a process (lib/events/listener.ts): it hands notifications to
// their handlers, and when its connection is cut (a PostgreSQL restart, a failover, a proxy
// dropping it) it connects again by itself, calls onConnect so that what may have been missed
// is read again in full, and hears notifications again.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LISTENER_NAME, startListener, type Listener } from "../../lib/events/listener";
import { migratedDatabase, withClient } from "../support/db";

let url: string;
let listener: Listener | null = null;

beforeAll(async () => {
  url = await migratedDatabase("int_listener");
});
afterAll(async () => {
  await listener?.stop();
});

const notify = (payload: string) => withClient(url, (c: pg.Client) => c.query("SELECT pg_notify('portal_test', $1)", [payload]));

describe("the listener", () => {
  it("hears notifications, reconnects after its connection is killed, re-reads on reconnection and hears them again", async () => {
    const heard: string[] = [];
    let connects = 0;
    listener = startListener({ url, handlers: { portal_test: (p) => heard.push(p) }, onConnect: () => connects++, log: () => {} });
    await expect.poll(() => listener!.connected(), { timeout: 20_000 }).toBe(true);
    expect(connects).toBe(1);
    await notify("before");
    await expect.poll(() => heard, { timeout: 10_000 }).toContain("before");

    const killed = await withClient(url, (c: pg.Client) =>
      c.query<{ ok: boolean }>("SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", [LISTENER_NAME]),
    );
    expect(killed.rows).toEqual([{ ok: true }]);
    await expect.poll(() => connects, { timeout: 20_000, interval: 50 }).toBe(2);
    expect(listener.connected()).toBe(true);
    await notify("after");
    await expect.poll(() => heard, { timeout: 10_000 }).toContain("after");
  });
});
