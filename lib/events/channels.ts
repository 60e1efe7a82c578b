// Changes every instance must hear about at once, sent with PostgreSQL NOTIFY on the primary
// (lib/events/listener.ts receives them): an article binned or restored (the 410 set of
// proxy.ts), a schedule changed (the timer of lib/scheduler.ts) and a read replica found
// behind by a write's fence (lib/replicas/fence.ts).
import "server-only";
import { db } from "../db";

export const CHANNELS = { gone: "portal_gone", schedule: "portal_schedule", replicas: "portal_replicas" } as const;

export type GoneNotice = { id: number; binned: boolean };

export const goneText = (n: GoneNotice) => `${n.binned ? "bin" : "restore"}:${n.id}`;

export function parseGone(text: string): GoneNotice | null {
  const m = /^(bin|restore):(\d{1,10})$/.exec(text);
  return m ? { id: Number(m[2]), binned: m[1] === "bin" } : null;
}

/** NOTIFY on the primary; a failure is logged, not thrown: the periodic refreshes are the safety net. */
export async function announce(channel: string, payload = ""): Promise<void> {
  try {
    await db.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
  } catch (e) {
    console.error(`[events] could not announce on ${channel}: ${(e as Error).message}`);
  }
}
