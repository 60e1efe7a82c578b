// Posting comments as a browser without JavaScript does: the article page's comment form
// (a server-action form, its hidden fields included), a fresh captcha image with its cookie,
// the answer read from the database (the bench plays the reader's eyes), then the multipart
// POST, which answers a successful comment with a redirect to it.
import pg from "pg";
import type { Context } from "./measure";
import { percentile } from "./probe";
import { BROWSER_HEADERS } from "./wrk";

export type CommentResult = {
  n?: number;
  p50?: number; // ms, captcha image + post
  p99?: number;
  postP50?: number; // ms, the POST alone
  postP99?: number;
  errors?: number;
  visible?: boolean;
  note?: string;
};

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hidden fields of the page's comment form (React's $ACTION_* fields among them). */
export function formFields(html: string): [string, string][] | null {
  const form = html.match(/<form\b[^>]*id="comment-form"[^>]*>([\s\S]*?)<\/form>/);
  if (!form) return null;
  const out: [string, string][] = [];
  for (const m of form[1].matchAll(/<input\b([^>]*)>/g)) {
    if (!/type="hidden"/.test(m[1])) continue;
    const name = m[1].match(/\sname="([^"]*)"/)?.[1];
    if (name) out.push([decode(name), decode(m[1].match(/\svalue="([^"]*)"/)?.[1] ?? "")]);
  }
  return out;
}

export async function postComments(ctx: Context, articleId: number, n: number): Promise<CommentResult> {
  const page = `${ctx.baseUrl}/articles/${articleId}`;
  const fields = formFields(await (await fetch(page, { headers: BROWSER_HEADERS })).text());
  if (!fields) return { note: `not measured: no <form id="comment-form"> on ${page}` };
  const db = new pg.Client({ connectionString: ctx.databaseUrl });
  await db.connect();
  const total: number[] = [];
  const post: number[] = [];
  let errors = 0;
  let firstError = "";
  const nickname = `벤치${process.pid % 1000}`;
  try {
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const img = await fetch(`${ctx.baseUrl}/api/captcha`, { headers: BROWSER_HEADERS });
      await img.arrayBuffer();
      const cookie = img.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const id = cookie.match(/captcha_id=([^;]+)/)?.[1];
      const row = id ? await db.query<{ answer: string }>("SELECT answer FROM captcha_challenges WHERE id = $1", [decodeURIComponent(id)]) : null;
      const answer = row?.rows[0]?.answer;
      if (img.status !== 200 || !answer) {
        errors++;
        firstError ||= `captcha: HTTP ${img.status}, ${id ? "no answer row" : "no cookie"}`;
        continue;
      }
      const form = new FormData();
      for (const [k, v] of fields) form.append(k, k === "enhanced" ? "0" : v);
      form.set("nickname", nickname);
      form.set("body", `성능 측정용 댓글 ${i + 1}번입니다. 연길의 날씨가 좋습니다.`);
      form.set("captcha", answer);
      const t1 = performance.now();
      const r = await fetch(page, {
        method: "POST",
        body: form,
        redirect: "manual",
        headers: { ...BROWSER_HEADERS, Origin: ctx.baseUrl, Referer: page, Cookie: cookie },
      });
      await r.arrayBuffer();
      const t2 = performance.now();
      const ok = r.status === 303 && /#c\d+/.test(r.headers.get("location") ?? "");
      if (!ok) {
        errors++;
        firstError ||= `post: HTTP ${r.status} ${r.headers.get("location") ?? ""}`;
        continue;
      }
      total.push(t2 - t0);
      post.push(t2 - t1);
    }
    const shown = await (await fetch(page, { headers: BROWSER_HEADERS })).text();
    return {
      n,
      p50: percentile(total, 50),
      p99: percentile(total, 99),
      postP50: percentile(post, 50),
      postP99: percentile(post, 99),
      errors,
      visible: shown.includes(`${n}번입니다`) || (total.length > 0 && shown.includes(nickname)),
      note: firstError || undefined,
    };
  } finally {
    await db.end();
  }
}
