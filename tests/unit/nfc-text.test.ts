// Text typed or pasted decomposed (NFD Hangul: jamo one by one, as macOS and some phones send
// it) is stored composed (NFC): every schema that takes a person's text normalises it once.
import { describe, expect, it } from "vitest";
import { articleFields, autosaveFields } from "@/lib/validations/article";
import { createSectionInput, createUserInput } from "@/lib/validations/admin";
import { blockInput } from "@/lib/validations/moderation";
import { commentSchema } from "@/lib/validations/comment";

const nfd = (s: string) => s.normalize("NFD");
const isNfc = (s: unknown) => typeof s === "string" && s === s.normalize("NFC");

describe("decomposed Hangul is stored as NFC", () => {
  it("the test's input really is decomposed (longer, and unequal to the composed text)", () => {
    expect(nfd("한글")).not.toBe("한글");
    expect(nfd("한글").length).toBe(6);
  });

  it("article fields: title, subtitle, byline, excerpt, caption and body", () => {
    const raw = {
      id: "",
      title: nfd("연길 한글 소식"),
      subtitle: nfd("부제목 한글"),
      sectionId: "1",
      sourceName: nfd("해란강뉴스"),
      byline: nfd("김기자"),
      editorName: nfd("리편집"),
      excerpt: nfd("요약 한글"),
      body: nfd("<p>본문 한글입니다.</p>"),
      coverCaption: nfd("사진 설명"),
    };
    for (const schema of [articleFields, autosaveFields]) {
      const r = schema.parse(raw);
      expect(r.title).toBe("연길 한글 소식");
      expect(r.body).toBe("<p>본문 한글입니다.</p>");
      for (const k of ["title", "subtitle", "sourceName", "byline", "editorName", "excerpt", "body", "coverCaption"] as const) {
        expect(isNfc(r[k]), k).toBe(true);
      }
    }
  });

  it("length limits count the composed text: 200 decomposed syllables are a 200-character title", () => {
    const title = nfd("한".repeat(200)); // 600 code units decomposed
    expect(articleFields.safeParse({ title, sectionId: "1", sourceName: "해란강뉴스", body: "" }).success).toBe(true);
  });

  it("section names, user names and block reasons", () => {
    expect(createSectionInput.parse({ name: nfd("사회"), slug: "society" }).name).toBe("사회");
    expect(createUserInput.parse({ email: "a@example.com", name: nfd("박기자"), password: "long-enough-password-1", role: "REPORTER" }).name).toBe("박기자");
    expect(blockInput.parse({ commentId: "1", days: "7", reasonCode: "other", reason: nfd("광고 도배") }).reason).toBe("광고 도배");
  });

  it("comments: nickname and body", () => {
    const r = commentSchema(2).parse({ articleId: "3", nickname: nfd("연길사람"), body: nfd("좋은 기사 고맙습니다."), captcha: "1234" });
    expect(r.nickname).toBe("연길사람");
    expect(r.body).toBe("좋은 기사 고맙습니다.");
  });
});
