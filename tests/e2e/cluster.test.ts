// Two instances behind nginx (tests/e2e/cluster-rig.ts: real Redis, real s3rver, real nginx
// with deploy/nginx/portal.conf): what one instance does, the other and nginx show; one
// instance dying or Redis going away under load costs readers nothing.
import { randomBytes, randomInt } from "node:crypto";
import pg from "pg";
import sharp from "sharp";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUserAt } from "../../lib/auth/bootstrap";
import { formFields } from "../../bench/lib/comments";
import { hydrated, signInThrough, withPage } from "../support/browser";
import { endPool } from "../support/db";
import { loadThrough, startClusterRig, type ClusterRig } from "./cluster-rig";

const run = randomBytes(3).toString("hex");
const editor = { email: `cluster-editor-${run}@example.com`, password: `cluster-editor-${run}-pw`, role: "EDITOR" as const, name: "클러스터편집" };
let rig: ClusterRig;
let pool: pg.Pool;
let A: string; // instance 1's own address
let B: string; // instance 2's own address
let N: string; // nginx: the public address
let ids: number[]; // published articles, newest first

beforeAll(async () => {
  rig = await startClusterRig({ articles: 60, serverEnv: inject("serverEnv") });
  [A, B] = rig.instances.map((s) => s.url);
  N = rig.url;
  pool = new pg.Pool({ connectionString: rig.databaseUrl, max: 2 });
  await createUserAt(rig.databaseUrl, editor);
  ids = (await pool.query<{ id: number }>(`SELECT id FROM articles WHERE status = 'PUBLISHED' AND deleted_at IS NULL ORDER BY published_at DESC, id DESC`)).rows.map((r) => r.id);
}, 600_000);
afterAll(async () => {
  if (pool) await endPool(pool);
  await rig?.close();
});

const BROWSER = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36" };
const text = async (url: string) => (await fetch(url, { headers: BROWSER })).text();
const status = async (url: string) => {
  const r = await fetch(url, { headers: BROWSER, redirect: "manual" });
  await r.arrayBuffer();
  return r.status;
};
/** Every instance and nginx, by name, for messages that say which one was wrong. */
const everywhere = () => ({ A, B, nginx: N });
const EVENTUALLY = { timeout: 30_000, interval: 250 };

/** A comment posted as a browser without JavaScript posts the form: the captcha picture fetched
 *  from `captchaFrom` (the test reads its answer as a person reads the picture), the form sent
 *  to `to`, from the reader `from` (X-Forwarded-For, believed from 127.0.0.1 like nginx). */
async function postComment(o: { to: string; captchaFrom: string; page: string; body: string; from?: string }) {
  const fwd: Record<string, string> = o.from ? { "x-forwarded-for": o.from } : {};
  const fields = formFields(await text(o.to + o.page));
  expect(fields, "comment form").not.toBeNull();
  const img = await fetch(`${o.captchaFrom}/api/captcha`, { headers: { ...BROWSER, ...fwd } });
  await img.arrayBuffer();
  const cookie = img.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const challenge = decodeURIComponent(/captcha_id=([^;]+)/.exec(cookie)?.[1] ?? "");
  const answer = (await pool.query<{ answer: string }>("SELECT answer FROM captcha_challenges WHERE id = $1", [challenge])).rows[0]?.answer;
  expect(answer, "captcha answer").toBeTruthy();
  const form = new FormData();
  for (const [k, v] of fields!) form.append(k, k === "enhanced" ? "0" : v);
  form.set("nickname", "두만강");
  form.set("body", o.body);
  form.set("captcha", answer);
  const r = await fetch(o.to + o.page, { method: "POST", body: form, redirect: "manual", headers: { ...BROWSER, ...fwd, Origin: o.to, Referer: o.to + o.page, Cookie: cookie } });
  return { status: r.status, location: r.headers.get("location"), html: await r.text() };
}

/** The sign-in form posted as a browser without JavaScript does; what its answer says. */
async function signIn(base: string, email: string, password: string, from: string): Promise<string> {
  const r = await fetch(`${base}/admin/login`, { headers: { ...BROWSER, "x-forwarded-for": from } });
  const cookie = r.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const form = new FormData();
  for (const m of (await r.text()).matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])?.[1];
    if (name) form.append(name, (/value="([^"]*)"/.exec(m[0])?.[1] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
  }
  form.append("email", email);
  form.append("password", password);
  const posted = await fetch(`${base}/admin/login`, { method: "POST", body: form, redirect: "manual", headers: { ...BROWSER, "x-forwarded-for": from, origin: base, cookie } });
  const html = await posted.text();
  if (posted.status === 303 && /\/admin/.test(posted.headers.get("location") ?? "")) return "signed in";
  if (html.includes("시도가 너무 많습니다")) return "throttled";
  if (html.includes("올바르지 않습니다")) return "wrong";
  return `other (${posted.status})`;
}

/** Signs in through instance `base` and opens an article's editor there. */
async function editorOn(page: Page, base: string, id: number) {
  const path = `/admin/articles/${id}/edit`;
  await signInThrough(page, base, editor, path);
  await page.goto(base + path); // sign-in may have landed on the public (nginx) address
  await hydrated(page, "form.article-form");
}

describe("two instances behind nginx", () => {
  it("an article edited through A is served with its new title by A, B and nginx", async () => {
    const id = ids[0];
    // Every instance has the page in its cache before the edit, as on a busy site.
    for (const base of Object.values(everywhere())) for (let i = 0; i < 2; i++) expect(await status(`${base}/articles/${id}`)).toBe(200);
    const title = `클러스터 수정 ${run}`;
    await withPage(async (page) => {
      await editorOn(page, A, id);
      await page.fill("#f-title", title);
      await page.click("button[name=intent][value=save]");
      await expect.poll(() => page.textContent(".save-box .form-message"), EVENTUALLY).toBe("저장했습니다.");
    });
    for (const [name, base] of Object.entries(everywhere())) {
      await expect.poll(async () => (await text(`${base}/articles/${id}`)).includes(title), { ...EVENTUALLY, message: `${name} shows the new title` }).toBe(true);
    }
  });

  it("a comment posted through B shows on A", async () => {
    const id = ids[1];
    const page = `/articles/${id}`;
    const body = `B에서 올린 댓글 ${run}`;
    // A has the page cached without it (its neighbours may carry the title edited above).
    expect(await text(A + page)).not.toContain(body);
    const posted = await postComment({ to: B, captchaFrom: B, page, body });
    expect(posted.status).toBe(303);
    expect(posted.location).toMatch(/#c\d+$/);
    await expect.poll(async () => (await text(A + page)).includes(body), { ...EVENTUALLY, message: "A shows B's comment" }).toBe(true);
    await expect.poll(async () => (await text(N + page)).includes(body), { ...EVENTUALLY, message: "nginx shows B's comment" }).toBe(true);
  });

  it("limits hold across instances: a captcha from one is answered on the other, the comment interval and sign-in failures count wherever they land", async () => {
    // One reader behind nginx (the instances trust 127.0.0.1, as behind the real proxy).
    const from = `198.51.100.${randomInt(1, 255)}`;
    const page = `/articles/${ids[4]}`;
    const first = await postComment({ to: A, captchaFrom: B, page, body: `첫 댓글 ${run}`, from });
    expect(first.status, first.html.slice(0, 300)).toBe(303);
    const second = await postComment({ to: B, captchaFrom: A, page, body: `곧바로 둘째 댓글 ${run}`, from });
    expect(second.status).not.toBe(303);
    expect(second.html).toContain("초에 한 번만 올릴 수 있습니다");
    expect((await pool.query("SELECT count(*)::int AS n FROM comments WHERE body LIKE $1", [`%댓글 ${run}`])).rows[0].n).toBe(2); // B's earlier one + the first

    // An account's free failures (THROTTLE.account.free = 5) spread over both instances; the
    // next attempt, with the right password, is refused on either. Counted per instance, A would
    // have seen 3 and B 2, and it would get in.
    const account = { email: `cluster-limits-${run}@example.com`, password: `cluster-limits-${run}-pw`, role: "REPORTER" as const, name: "제한시험" };
    await createUserAt(rig.databaseUrl, account);
    for (let i = 0; i < 5; i++) {
      expect(await signIn(i % 2 ? B : A, account.email, `wrong-${i}`, from), `attempt ${i + 1}`).toBe("wrong");
    }
    expect(await signIn(A, account.email, account.password, from)).toBe("throttled");
    expect(await signIn(B, account.email, account.password, from)).toBe("throttled");
  });

  it("an article binned through A answers 410 from A, B and nginx", async () => {
    const id = ids[2];
    for (const base of Object.values(everywhere())) expect(await status(`${base}/articles/${id}`)).toBe(200);
    await withPage(async (page) => {
      page.on("dialog", (d) => void d.accept());
      await editorOn(page, A, id);
      await hydrated(page, ".status-panel .action-form");
      await page.click("button:has-text('휴지통으로')");
      await expect.poll(async () => (await pool.query("SELECT deleted_at FROM articles WHERE id = $1", [id])).rows[0].deleted_at, EVENTUALLY).not.toBeNull();
    });
    for (const [name, base] of Object.entries(everywhere())) {
      await expect.poll(() => status(`${base}/articles/${id}`), { ...EVENTUALLY, message: `${name} answers 410` }).toBe(410);
    }
  });

  it("nginx serves the build's stylesheets and scripts the pages link to", async () => {
    const html = await text(`${N}/`);
    const assets = [...new Set([...html.matchAll(/\/_next\/static\/[^"' ]+\.(?:css|js)/g)].map((m) => m[0]))];
    expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
    for (const asset of assets) {
      const r = await fetch(N + asset);
      await r.arrayBuffer();
      expect(r.status, asset).toBe(200);
      expect(r.headers.get("cache-control"), asset).toContain("immutable");
    }
  });

  it("a photo uploaded through A is served by B and nginx", async () => {
    const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#3a6ea5" } }).jpeg().toBuffer();
    const src = await withPage(async (page) => {
      await signInThrough(page, A, editor, "/admin/images");
      const r = await page.request.post(`${A}/admin/images/upload`, {
        headers: { accept: "application/json" },
        multipart: { file: { name: "harbin.jpg", mimeType: "image/jpeg", buffer: photo }, alt: "하얼빈 빙등", caption: "" },
      });
      expect(r.status(), await r.text()).toBe(201);
      return ((await r.json()) as { src: string }).src;
    });
    expect(src).toMatch(/^\/media\//);
    const fromA = await fetch(A + src);
    expect(fromA.status).toBe(200);
    const original = Buffer.from(await fromA.arrayBuffer());
    for (const [name, base] of Object.entries({ B, nginx: N })) {
      const r = await fetch(base + src);
      expect(r.status, name).toBe(200);
      expect(r.headers.get("content-type"), name).toMatch(/^image\//);
      expect(Buffer.from(await r.arrayBuffer()).equals(original), `${name} serves the same bytes`).toBe(true);
    }
  });

  /** Pages a reader asks for: articles (most never rendered yet: cold), lists, home. */
  const readerPaths = () => [...ids.slice(3).map((id) => `/articles/${id}`), "/", "/archive?page=2", "/archive?page=3"];
  /** Resolves once `load` has finished `more` further requests (progress, not time). */
  const progress = async (load: ReturnType<typeof loadThrough>, more: number) => {
    const target = load.done() + more;
    await expect.poll(() => load.done(), { timeout: 120_000, interval: 100 }).toBeGreaterThanOrEqual(target);
  };

  it("Redis stopped and started again under load: every reader request answers 200", async () => {
    const load = loadThrough(N, readerPaths(), 6);
    try {
      await progress(load, 30);
      await rig.redis.stop();
      await progress(load, 100); // the cache is gone meanwhile: pages come from the local fallback
      await rig.redis.restart();
      await progress(load, 100);
    } finally {
      const r = await load.stop();
      expect(r.failures.slice(0, 5)).toEqual([]);
      expect(r.cutMidAnswer).toEqual([]);
      expect([...r.statuses.keys()]).toEqual([200]);
    }
    // And the shared cache fills again: pages rendered now land in Redis.
    await expect.poll(async () => {
      await text(`${N}/archive?page=4`);
      return Number(rig.redis.cli("DBSIZE"));
    }, EVENTUALLY).toBeGreaterThan(0);
  });

  it("one instance killed (SIGKILL) under load: no GET nginx can retry is lost, nginx sends them to the other", async () => {
    const load = loadThrough(N, readerPaths(), 8);
    try {
      await progress(load, 50);
      process.kill(-rig.instances[1].pid, "SIGKILL");
      await progress(load, 300);
    } finally {
      const r = await load.stop();
      // Every request nginx could still send elsewhere (refused, reset before an answer) was
      // answered 200. Only an answer the killed instance had already begun (headers passed on
      // to the client, body cut by the kill) cannot be retried by nginx: at most one per client.
      expect(r.failures.slice(0, 5)).toEqual([]);
      expect(r.cutMidAnswer.length, r.cutMidAnswer.join("; ")).toBeLessThanOrEqual(8);
      for (const cut of r.cutMidAnswer) expect(cut).toMatch(/HTTP 200, then/);
      expect([...r.statuses.keys()]).toEqual([200]);
      expect(r.total).toBeGreaterThan(350);
    }
    expect(rig.instances[1].child.signalCode).toBe("SIGKILL");
  });
});
