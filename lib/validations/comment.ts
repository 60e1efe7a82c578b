// The comment form's fields, shared by the form (limits shown to the reader) and the action.
import { z } from "zod";
import { BODY_MAX, NICKNAME_MAX } from "../comments/constants";
import { countLinks } from "../comments/limits";
import { parseId } from "../route-params";
import { toNfc } from "./text";

export const ARTICLE_MISSING = "댓글을 달 기사를 찾을 수 없습니다.";

// Control characters, zero-width and bidi-override characters: invisible, and used to fake
// other nicknames or to hide text. Line feeds and tabs stay in the comment text.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const RESERVED = /^(관리자|운영자|편집부|편집국|기자|admin|administrator|운영진)$/i;
const length = (s: string) => Array.from(s).length; // code points, so an emoji counts once

/** Full-width digits (０-９) from Chinese input methods count as the digits they look like. */
export function normalizeDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48)).replace(/\s+/g, "");
}

const nickname = z
  .string({ error: "닉네임을 입력하세요." })
  .transform((s) => toNfc(s).replace(INVISIBLE, "").replace(/\s+/g, " ").trim())
  .superRefine((s, ctx) => {
    const problem =
      s.length === 0
        ? "닉네임을 입력하세요."
        : length(s) > NICKNAME_MAX
          ? `닉네임은 ${NICKNAME_MAX}자 이내로 입력하세요.`
          : RESERVED.test(s.replace(/\s/g, ""))
            ? "이 닉네임은 쓸 수 없습니다. 다른 닉네임을 입력하세요."
            : null;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

function body(maxLinks: number) {
  return z
    .string({ error: "댓글 내용을 입력하세요." })
    .transform((s) => toNfc(s).replace(/\r\n?/g, "\n").replace(INVISIBLE, "").replace(/\n{4,}/g, "\n\n\n").trim())
    .superRefine((s, ctx) => {
      if (s.length === 0) return void ctx.addIssue({ code: "custom", message: "댓글 내용을 입력하세요." });
      const n = length(s);
      if (n > BODY_MAX) ctx.addIssue({ code: "custom", message: `댓글은 ${BODY_MAX.toLocaleString("en")}자 이내로 입력하세요. (지금 ${n.toLocaleString("en")}자)` });
      const links = countLinks(s);
      if (links > maxLinks) {
        ctx.addIssue({ code: "custom", message: maxLinks === 0 ? "댓글에는 링크를 넣을 수 없습니다." : `댓글 하나에 링크는 ${maxLinks}개까지만 넣을 수 있습니다.` });
      }
    });
}

const captcha = z
  .string({ error: "인증코드를 입력하세요." })
  .transform(normalizeDigits)
  .superRefine((s, ctx) => {
    if (s.length === 0) ctx.addIssue({ code: "custom", message: "인증코드를 입력하세요." });
    else if (!/^\d{1,12}$/.test(s)) ctx.addIssue({ code: "custom", message: "인증코드는 수자로만 입력하세요." });
  });

export function commentSchema(maxLinks: number) {
  return z.object({
    articleId: z.coerce.string().transform((s, ctx) => {
      const id = parseId(s);
      if (id === null) ctx.addIssue({ code: "custom", message: ARTICLE_MISSING });
      return id ?? 0;
    }),
    nickname,
    body: body(maxLinks),
    captcha,
  });
}

export type CommentInput = z.infer<ReturnType<typeof commentSchema>>;
export type CommentField = "nickname" | "body" | "captcha";
