// A progress bar per seed phase on stderr, with rate and time left: redrawn in a terminal,
// one line per tenth in a log.

const clock = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s` : `${Math.round(s)}s`);

export type Phase = { tick: (done: number) => void; end: (note?: string) => number };

export function phase(label: string, total: number, unit: string, enabled: boolean): Phase {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastDraw = 0;
  let lastTenth = -1;
  const line = (done: number) => {
    const secs = (Date.now() - started) / 1000;
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const rate = secs > 0 ? done / secs : 0;
    const left = rate > 0 && done < total ? `  ${clock((total - done) / rate)} left` : "";
    return `${label.padEnd(9)} [${"#".repeat(Math.round(share * 20)).padEnd(20, ".")}] ${String(Math.floor(share * 100)).padStart(3)}% ${done.toLocaleString("en")}/${total.toLocaleString("en")} ${unit}  ${Math.round(rate).toLocaleString("en")}/s  ${clock(secs)}${left}`;
  };
  return {
    tick(done) {
      if (!enabled || total === 0) return;
      if (tty) {
        if (Date.now() - lastDraw < 200) return;
        lastDraw = Date.now();
        process.stderr.write(`\r${line(done)}\x1b[K`);
      } else if (Math.floor((done / total) * 10) > lastTenth) {
        lastTenth = Math.floor((done / total) * 10);
        process.stderr.write(`${line(done)}\n`);
      }
    },
    end(note) {
      const ms = Date.now() - started;
      if (enabled) process.stderr.write(`${tty ? "\r" : ""}${line(total)}${note ? `  ${note}` : ""}${tty ? "\x1b[K" : ""}\n`);
      return ms;
    },
  };
}

/** A step without a count (an index build, a rebuild query): one line when it is done. */
export async function step<T>(label: string, enabled: boolean, fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  if (enabled && process.stderr.isTTY) process.stderr.write(`${label} ...`);
  const value = await fn();
  const ms = Date.now() - started;
  const tty = process.stderr.isTTY;
  if (enabled) process.stderr.write(`${tty ? "\r" : ""}${label} ${(ms / 1000).toFixed(1)} s${tty ? "\x1b[K" : ""}\n`);
  return { value, ms };
}
