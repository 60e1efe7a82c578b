// Password hashes are deliberately expensive (argon2id: 19 MiB and ~50-100 ms of a core each).
// They run off the JavaScript thread, but on libuv's pool of 4 threads: 20 sign-ins a second
// from as many addresses would take every core of a small server from the readers. So at most
// `slots` hashes run at once, a bounded number wait their turn, and beyond that a sign-in is
// refused as busy before it costs anything (memory included: the queue cannot grow).
import { availableParallelism } from "node:os";

export class GateBusy extends Error {
  constructor() {
    super("too many password checks waiting");
  }
}

export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly slots: number,
    readonly queueMax: number,
  ) {}

  /** Runs `fn` when a slot is free; throws GateBusy at once when the queue is full. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) {
      if (this.waiting.length >= this.queueMax) throw new GateBusy();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await fn();
    } finally {
      // Hand the slot straight to the next in line, or give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

/** One core stays for readers; on one core, one hash at a time. Queue: a few seconds of work. */
export const hashGate = new Gate(Math.max(1, availableParallelism() - 1), 32);
