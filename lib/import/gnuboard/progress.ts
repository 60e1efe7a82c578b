// A progress bar on stderr with rate and time left: redrawn in place on a terminal, one line
// every ten seconds in a log file.

const clock = (s: number) => {
  if (!Number.isFinite(s)) return "--:--";
  const t = Math.max(0, Math.round(s));
  const h = Math.floor(t / 3600);
  const mm = String(Math.floor((t % 3600) / 60)).padStart(2, "0");
  const ss = String(t % 60).padStart(2, "0");
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
};

export function progressBar(total: number, enabled: boolean, unit = "rows") {
  const started = Date.now();
  const tty = !!process.stderr.isTTY;
  let last = 0;
  return (done: number, label = "") => {
    if (!enabled) return;
    const now = Date.now();
    const final = done >= total;
    if (!final && now - last < (tty ? 200 : 10_000)) return;
    last = now;
    const secs = (now - started) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const line = `[${"#".repeat(Math.round(share * 24)).padEnd(24, ".")}] ${String(Math.floor(share * 100)).padStart(3)}% ${done}/${total} ${unit}  ${Math.round(rate)}/s  left ${clock(rate > 0 ? (total - done) / rate : Infinity)}  ${label}`;
    process.stderr.write(tty ? `\r${line.padEnd(100)}${final ? "\n" : ""}` : `${line}\n`);
  };
}
