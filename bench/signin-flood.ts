// What a flood of bad sign-ins does to everyone else: latency of a reader page and of
// /api/health, first quiet, then while N wrong sign-ins a second arrive (posted to the sign-in
// form's server action as a browser without JavaScript does). Starts nothing: point it at a
// running production server on this machine.
//
//   npx tsx bench/signin-flood.ts --base http://127.0.0.1:3000 [--rate 20] [--seconds 20]
//        [--page /] [--spread]
//
// --spread gives every sign-in its own X-Forwarded-For: many clients behind a proxy the server
// trusts (start it with TRUSTED_PROXY=127.0.0.1), so that the per-address throttle does not
// stop them and each attempt reaches a password hash (the worst case). Without it, the flood
// is one client, as an attacker without a botnet is.

const arg = (name: string, dflt?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const base = arg("base");
const rate = Number(arg("rate", "20"));
const seconds = Number(arg("seconds", "20"));
const pagePath = arg("page", "/")!;
const spread = process.argv.includes("--spread");
const runId = Date.now().toString(36);

if (!base) throw new Error("usage: --base http://127.0.0.1:PORT");
const host = new URL(base).hostname;
// A load test only ever targets this machine.
if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(host)) throw new Error(`refusing to flood a non-loopback host: ${host}`);
if (!(rate > 0 && rate <= 100 && seconds > 0 && seconds <= 120)) throw new Error("--rate 1..100, --seconds 1..120");

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const fmt = (xs: number[]) => `p50 ${quantile(xs, 0.5).toFixed(0)} ms, p99 ${quantile(xs, 0.99).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms (n=${xs.length})`;

async function timed(url: string, init?: RequestInit): Promise<{ ms: number; status: number }> {
  const t = performance.now();
  const r = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  await r.arrayBuffer();
  return { ms: performance.now() - t, status: r.status };
}

/** Readers: one page and one health check every 100 ms, one at a time each (closed loop). */
async function probe(untilMs: number) {
  const page: number[] = [];
  const health: number[] = [];
  const loop = async (path: string, into: number[]) => {
    while (Date.now() < untilMs) {
      const next = Date.now() + 100;
      const r = await timed(`${base}${path}`);
      if (r.status === 200) into.push(r.ms);
      await new Promise((res) => setTimeout(res, Math.max(0, next - Date.now())));
    }
  };
  await Promise.all([loop(pagePath, page), loop("/api/health", health)]);
  return { page, health };
}

/** The sign-in form as a browser without JavaScript posts it: its hidden fields (the server
 *  action's reference) and any cookie the page set. */
async function signInForm(): Promise<{ fields: [string, string][]; cookie: string }> {
  const r = await fetch(`${base}/admin/login`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const html = await r.text();
  const fields: [string, string][] = [];
  for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])?.[1];
    const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? "";
    if (name) fields.push([name, value.replace(/&quot;/g, '"').replace(/&amp;/g, "&")]);
  }
  if (!fields.some(([n]) => n.startsWith("$ACTION"))) throw new Error("no server-action fields in /admin/login");
  return { fields, cookie };
}

/** What the answer page says, by its Korean message. */
function verdict(html: string): string {
  if (html.includes("몰려 있습니다")) return "busy";
  if (html.includes("시도가 너무 많습니다")) return "throttled";
  if (html.includes("올바르지 않습니다")) return "wrong";
  return "other";
}

/** Wrong sign-ins at a fixed rate (open loop: they do not wait for each other), through the
 *  same form and server action as an editor's browser. */
async function flood(untilMs: number) {
  const { fields, cookie } = await signInForm();
  const latencies: number[] = [];
  const statuses = new Map<string, number>();
  const pending: Promise<void>[] = [];
  let i = 0;
  while (Date.now() < untilMs) {
    const n = i++;
    const headers: Record<string, string> = { cookie, origin: base! };
    if (spread) headers["x-forwarded-for"] = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    const body = new FormData();
    for (const [k, v] of fields) body.append(k, v);
    // A new e-mail each time: no per-account block helps, every admitted attempt costs a hash.
    body.append("email", `flood-${runId}-${n}@example.com`);
    body.append("password", `wrong-password-${n}`);
    const t = performance.now();
    pending.push(
      fetch(`${base}/admin/login`, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(30_000) })
        .then(async (r) => {
          const key = `${r.status} ${verdict(await r.text())}`;
          latencies.push(performance.now() - t);
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
        })
        .catch((e: Error) => void statuses.set(e.name, (statuses.get(e.name) ?? 0) + 1)),
    );
    await new Promise((res) => setTimeout(res, 1000 / rate));
  }
  await Promise.all(pending);
  return { latencies, statuses, sent: i };
}

async function main() {
  await timed(`${base}${pagePath}`); // warm the page
  console.log(`[flood] ${base}: ${seconds} s quiet, then ${seconds} s with ${rate} bad sign-ins/s${spread ? " from distinct addresses" : " from one address"}`);
  const quiet = await probe(Date.now() + seconds * 1000);
  const until = Date.now() + seconds * 1000;
  const [loaded, attack] = await Promise.all([probe(until), flood(until)]);
  console.log(`quiet   ${pagePath.padEnd(12)} ${fmt(quiet.page)}`);
  console.log(`quiet   /api/health  ${fmt(quiet.health)}`);
  console.log(`flood   ${pagePath.padEnd(12)} ${fmt(loaded.page)}`);
  console.log(`flood   /api/health  ${fmt(loaded.health)}`);
  console.log(`sign-in attempts     ${fmt(attack.latencies)}; sent ${attack.sent}, answers ${JSON.stringify(Object.fromEntries(attack.statuses))}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
