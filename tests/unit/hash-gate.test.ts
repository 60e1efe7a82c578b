import { describe, expect, it } from "vitest";
import { Gate, GateBusy } from "../../lib/auth/hash-gate";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe("the password-hash gate", () => {
  it("runs at most `slots` at once, in order of arrival, and refuses at once beyond its queue", async () => {
    const gate = new Gate(2, 2);
    const started: number[] = [];
    let peak = 0;
    const jobs = Array.from({ length: 4 }, () => deferred());
    const runs = jobs.map((d, i) =>
      gate.run(async () => {
        started.push(i);
        peak = Math.max(peak, gate.load.running);
        await d.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(gate.load).toEqual({ running: 2, waiting: 2 });
    await expect(gate.run(async () => 99)).rejects.toBeInstanceOf(GateBusy);

    jobs[1].resolve();
    await runs[1];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    jobs[0].resolve();
    jobs[2].resolve();
    jobs[3].resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it("frees its slot when the work fails", async () => {
    const gate = new Gate(1, 0);
    await expect(gate.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(async () => "next")).toBe("next");
  });
});
