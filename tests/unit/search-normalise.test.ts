import { describe, expect, it } from "vitest";
import { bigramKey, canonicalSyllable, foldText, innerSpellings, spellings, trigramKey, unigramKey } from "@/lib/search/normalise";

const canon = (s: string) => Array.from(s, (c) => String.fromCodePoint(canonicalSyllable(c.codePointAt(0)!))).join("");

describe("canonicalSyllable (the initial-sound rule, 두음법칙)", () => {
  it("drops ㄹ before ㅑㅕㅖㅛㅠㅣ and ㄴ before ㅕㅖㅛㅠㅣ, keeping medial and final", () => {
    expect(canon("리력련렬료류륙률량례")).toBe("이역연열요유육율양예");
    expect(canon("녀녕뇨뉴니닉")).toBe("여영요유이익");
  });
  it("turns other ㄹ into ㄴ", () => {
    expect(canon("라락란래랭로록론뢰루르름릉")).toBe("나낙난내냉노녹논뇌누느늠능");
  });
  it("leaves other syllables, ㄴ before other vowels, and non-Hangul alone", () => {
    expect(canon("나노누내노인경제학교")).toBe("나노누내노인경제학교");
    expect(canon("延吉 WeChat 2024")).toBe("延吉 WeChat 2024");
  });
  it("maps Chinese-Korean and Seoul spellings of the same word to one form", () => {
    for (const [ck, seoul] of [["로인", "노인"], ["리용", "이용"], ["련속", "연속"], ["료해", "요해"], ["력사", "역사"], ["렬차", "열차"], ["녀성", "여성"], ["뇨소", "요소"], ["류학", "유학"], ["래년", "내년"], ["량식", "양식"], ["례절", "예절"], ["로동", "노동"]]) {
      expect(canon(ck[0])).toBe(canon(seoul[0]));
      expect(canon(ck[0])).toBe(seoul[0]);
    }
  });
  it("is idempotent", () => {
    for (let cp = 0xac00; cp <= 0xd7a3; cp++) expect(canonicalSyllable(canonicalSyllable(cp))).toBe(canonicalSyllable(cp));
  });
});

describe("spellings", () => {
  it("lists every syllable with the same Seoul form, the typed one first", () => {
    expect(spellings("이")).toEqual(["이", "리", "니"]);
    expect(spellings("리")).toEqual(["리", "니", "이"]);
    expect(spellings("노")).toEqual(["노", "로"]);
    expect(spellings("로")).toEqual(["로", "노"]);
    expect(spellings("연")).toEqual(["연", "련", "년"]);
    expect(spellings("야")).toEqual(["야", "랴"]); // 냐 is not under the rule
    expect(spellings("경")).toEqual(["경"]);
    expect(spellings("a")).toEqual(["a"]);
  });
  it("inside words only 렬/률 and 열/율 alternate", () => {
    expect(innerSpellings("률")).toEqual(["률", "율"]);
    expect(innerSpellings("열")).toEqual(["열", "렬"]);
    expect(innerSpellings("리")).toEqual(["리"]);
  });
});

describe("foldText and keys", () => {
  it("folds case, Unicode form and spaces", () => {
    expect(foldText("  WeChat\t위챗 ")).toBe("wechat 위챗");
    expect(foldText("\u1100\u1161")).toBe("가"); // jamo typed apart compose
  });
  it("puts the first character of a key in Seoul form and keeps the rest", () => {
    expect(bigramKey("로", "인")).toBe(bigramKey("노", "인"));
    expect(bigramKey("관", "리")).not.toBe(bigramKey("관", "이"));
    expect(trigramKey("리", "용", "자")).toBe(trigramKey("이", "용", "자"));
    expect(unigramKey("리")).toBe(unigramKey("니"));
  });
  it("keeps unigram, bigram and trigram keys apart and exact in a JS number", () => {
    const max = trigramKey("\uffff", "\uffff", "\uffff");
    expect(Number.isSafeInteger(max)).toBe(true);
    expect(bigramKey("\uffff", "\uffff")).toBeLessThan(unigramKey("\u0000"));
    expect(unigramKey("\uffff")).toBeLessThan(trigramKey("\u0000", "\u0000", "\u0000"));
  });
});
