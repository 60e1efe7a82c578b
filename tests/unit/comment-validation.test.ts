// The comment form's rules as a reader meets them: what is accepted, how it is cleaned, and
// the Korean message each mistake gets.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { commentSchema, normalizeDigits } from "@/lib/validations/comment";

const schema = commentSchema(2);
const valid = { articleId: "12", nickname: "연길사람", body: "좋은 기사 고맙습니다.", captcha: "48213" };

function errors(input: Record<string, unknown>) {
  const r = schema.safeParse(input);
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
}

describe("comment validation", () => {
  it("accepts a normal comment and cleans it", () => {
    const r = schema.parse({ ...valid, nickname: "  연길   사람 ", body: "첫줄\r\n둘째줄\r\n\r\n\r\n\r\n\r\n끝  ", captcha: " 48213 " });
    expect(r).toEqual({ articleId: 12, nickname: "연길 사람", body: "첫줄\n둘째줄\n\n\n끝", captcha: "48213" });
  });

  it("wants a nickname of 1-20 characters after trimming", () => {
    expect(errors({ ...valid, nickname: "   " }).nickname).toEqual(["닉네임을 입력하세요."]);
    expect(errors({ ...valid, nickname: undefined }).nickname).toEqual(["닉네임을 입력하세요."]);
    expect(errors({ ...valid, nickname: "가".repeat(20) }).nickname).toBeUndefined();
    expect(errors({ ...valid, nickname: "가".repeat(21) }).nickname).toEqual(["닉네임은 20자 이내로 입력하세요."]);
    // Counted in characters, not UTF-16 units: 20 emoji are 20 characters.
    expect(errors({ ...valid, nickname: "😀".repeat(20) }).nickname).toBeUndefined();
  });

  it("drops invisible characters and refuses the site's own titles as nicknames", () => {
    expect(schema.parse({ ...valid, nickname: "연\u200B길\u202E" }).nickname).toBe("연길");
    expect(errors({ ...valid, nickname: "\u200B\u200B" }).nickname).toEqual(["닉네임을 입력하세요."]);
    for (const n of ["관리자", "운 영 자", "Admin"]) {
      expect(errors({ ...valid, nickname: n }).nickname).toEqual(["이 닉네임은 쓸 수 없습니다. 다른 닉네임을 입력하세요."]);
    }
  });

  it("wants comment text of 1-1,000 characters", () => {
    expect(errors({ ...valid, body: " \n\t " }).body).toEqual(["댓글 내용을 입력하세요."]);
    expect(errors({ ...valid, body: "가".repeat(1000) }).body).toBeUndefined();
    expect(errors({ ...valid, body: "가".repeat(1001) }).body).toEqual(["댓글은 1,000자 이내로 입력하세요. (지금 1,001자)"]);
  });

  it("caps the links in one comment", () => {
    expect(errors({ ...valid, body: "http://a.cn 와 www.b.cn" }).body).toBeUndefined();
    expect(errors({ ...valid, body: "http://a.cn https://b.cn www.c.cn" }).body).toEqual(["댓글 하나에 링크는 2개까지만 넣을 수 있습니다."]);
    expect(z.flattenError(commentSchema(0).safeParse({ ...valid, body: "보세요 https://x.cn" }).error!).fieldErrors.body).toEqual([
      "댓글에는 링크를 넣을 수 없습니다.",
    ]);
  });

  it("takes captcha digits only, full-width digits included", () => {
    expect(schema.parse({ ...valid, captcha: "４８２１３" }).captcha).toBe("48213");
    expect(normalizeDigits(" 1 2 3 ")).toBe("123");
    expect(errors({ ...valid, captcha: "" }).captcha).toEqual(["인증코드를 입력하세요."]);
    expect(errors({ ...valid, captcha: "48a13" }).captcha).toEqual(["인증코드는 수자로만 입력하세요."]);
    expect(errors({ ...valid, captcha: "-4821" }).captcha).toEqual(["인증코드는 수자로만 입력하세요."]);
  });

  it("refuses a missing or malformed article id", () => {
    for (const articleId of [undefined, "", "0", "abc", "1e3", "99999999999"]) {
      expect(errors({ ...valid, articleId }).articleId).toEqual(["댓글을 달 기사를 찾을 수 없습니다."]);
    }
  });

  it("reports every wrong field at once", () => {
    expect(Object.keys(errors({ articleId: "1", nickname: "", body: "", captcha: "x" })).sort()).toEqual(["body", "captcha", "nickname"]);
  });
});
