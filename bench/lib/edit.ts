// An editor changes a published article's title in the admin (real Chromium, signed in as a
// real editor account) and the clock runs from the click on 저장 until a plain request for
// the public article page shows the new title: directly from Next, and through nginx.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { launchChromium } from "../../scripts/lib/chromium";
import type { Context } from "./measure";

export type EditResult = { directMs?: number; nginxMs?: number; saveMs?: number; note?: string };

/** ms until `url` contains `text`, polling every 25 ms; null after `limitMs`. */
async function until(url: string, text: string, start: number, limitMs: number): Promise<number | null> {
  while (performance.now() - start < limitMs) {
    const html = await (await fetch(url, { headers: { "User-Agent": "Mozilla/5.0 Chrome/131 bench-poll" } })).text();
    if (html.includes(text)) return Math.round(performance.now() - start);
    await new Promise((r) => setTimeout(r, 25));
  }
  return null;
}

export async function editVisible(ctx: Context, articleId: number, nginxUrl: string): Promise<EditResult> {
  const email = `bench-editor-${Date.now()}@example.com`;
  const password = randomBytes(12).toString("base64url");
  const created = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/user-create.ts", "--email", email, "--password", password, "--role", "editor", "--name", "벤치편집"], {
    env: { ...ctx.env, DATABASE_URL: ctx.databaseUrl },
    encoding: "utf8",
  });
  if (created.status !== 0) return { note: `not measured: user:create failed: ${(created.stderr || created.stdout).trim().slice(0, 200)}` };

  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${ctx.baseUrl}/admin/login`);
    await page.getByLabel("이메일").fill(email);
    await page.getByLabel("비밀번호").fill(password);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/admin/login")), page.getByRole("button", { name: "로그인" }).click()]);

    await page.goto(`${ctx.baseUrl}/admin/articles/${articleId}/edit`);
    const title = page.getByLabel("제목", { exact: true });
    const marker = `벤치 수정 ${randomBytes(3).toString("hex")}`;
    await title.fill(marker);
    // Both readers are asked first so that their caches hold the old page, as in production.
    for (const base of [ctx.baseUrl, nginxUrl]) await fetch(`${base}/articles/${articleId}`).then((r) => r.arrayBuffer());
    const start = performance.now();
    const saved = page.getByText("저장했습니다").first().waitFor().then(() => Math.round(performance.now() - start), () => undefined);
    await page.getByRole("button", { name: "저장", exact: true }).click();
    const [directMs, nginxMs] = await Promise.all([
      until(`${ctx.baseUrl}/articles/${articleId}`, marker, start, 15_000),
      until(`${nginxUrl}/articles/${articleId}`, marker, start, 15_000),
    ]);
    const saveMs = await Promise.race([saved, new Promise<undefined>((r) => setTimeout(() => r(undefined), 1_000))]);
    if (directMs === null) return { saveMs, note: "the new title did not appear on the article page within 15 s" };
    return { directMs, nginxMs: nginxMs ?? undefined, saveMs };
  } catch (e) {
    return { note: `not measured: the admin flow failed: ${(e as Error).message.split("\n")[0]}` };
  } finally {
    await browser.close();
  }
}
