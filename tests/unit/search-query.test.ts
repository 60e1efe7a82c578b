import { describe, expect, it } from "vitest";
import { cutQuery, highlight, likeEscape, matchRanges, MAX_QUERY_LENGTH, MAX_WORDS, parseQuery, snippet, sqlMatcher } from "@/lib/search/query";

const words = (q: string) => parseQuery(q).words;
const marked = (text: string, q: string) => highlight(text, words(q)).map((p) => (p.mark ? `[${p.text}]` : p.text)).join("");

describe("parseQuery", () => {
  it("splits on spaces, folds case and drops a word typed twice in either spelling", () => {
    const q = parseQuery("  연길   학교 WeChat 로인 노인 ");
    expect(q.text).toBe("연길 학교 WeChat 로인 노인");
    expect(q.words.map((w) => w.text)).toEqual(["연길", "학교", "wechat", "로인"]);
    expect(q.cut).toBe(false);
  });
  it("treats an empty, blank or missing query as no words", () => {
    for (const raw of [undefined, "", "   ", [] as string[]]) expect(parseQuery(raw).words).toEqual([]);
  });
  it("takes the first value of a repeated parameter", () => {
    expect(parseQuery(["경제", "축구"]).text).toBe("경제");
  });
  it("cuts queries longer than 100 characters, never inside a character", () => {
    const long = "가".repeat(150);
    expect(parseQuery(long)).toMatchObject({ text: "가".repeat(MAX_QUERY_LENGTH), cut: true });
    const emoji = "😀".repeat(120);
    const c = cutQuery(emoji);
    expect(Array.from(c.text)).toHaveLength(MAX_QUERY_LENGTH);
    expect(c.text.isWellFormed()).toBe(true);
  });
  it(`keeps at most ${MAX_WORDS} words`, () => {
    const q = parseQuery("가 나 다 라 마 바 사 아 자 차");
    expect(q.words).toHaveLength(MAX_WORDS);
    expect(q.cut).toBe(true);
  });
  it("answers words of up to three characters from the index alone, longer ones are rechecked", () => {
    expect(words("경 경제 조선족 로인협회").map((w) => w.exact)).toEqual([true, true, true, false]);
    expect(words("😀😀").map((w) => w.exact)).toEqual([false]); // characters past U+FFFF share keys
  });
});

describe("which spellings a word matches", () => {
  const matches = (q: string, text: string) => matchRanges(text, words(q)).length > 0;
  it("the first syllable in either spelling", () => {
    expect(matches("노인", "로인협회 회원")).toBe(true);
    expect(matches("로인", "노인협회 회원")).toBe(true);
    expect(matches("이용", "자원을 리용하여")).toBe(true);
    expect(matches("리용", "자원을 이용하여")).toBe(true);
    expect(matches("여성", "녀성 일군")).toBe(true);
    expect(matches("역사", "력사 이야기")).toBe(true);
    expect(matches("내년", "래년 계획")).toBe(true);
    expect(matches("연속", "련속 우승")).toBe(true);
  });
  it("inside two-syllable words only as written, so 관리 does not find 기관이", () => {
    expect(matches("관리", "기관이 나섰다")).toBe(false);
    expect(matches("다른", "한다는 말")).toBe(false);
    expect(matches("관리", "관리 업무")).toBe(true);
  });
  it("every syllable of longer words, and 률/율 everywhere", () => {
    expect(matches("국제노동절", "국제로동절 행사")).toBe(true);
    expect(matches("신여성", "신녀성")).toBe(true);
    expect(matches("비율", "합격 비률")).toBe(true);
    expect(matches("나열", "라렬하다")).toBe(true);
  });
  it("matches inside longer words and ignores case", () => {
    expect(matches("경제", "시장경제의")).toBe(true);
    expect(matches("wechat", "WeChat(微信)")).toBe(true);
    expect(matches("延吉", "延吉市")).toBe(true);
  });
});

describe("SQL patterns", () => {
  it("escapes LIKE wildcards so that % _ and \\ are literal", () => {
    expect(likeEscape("50%_a\\b")).toBe("50\\%\\_a\\\\b");
    expect(sqlMatcher(words("50%")[0])).toEqual({ op: "LIKE", pattern: "%50\\%%" });
    expect(sqlMatcher(words("a_b")[0])).toEqual({ op: "LIKE", pattern: "%a\\_b%" });
  });
  it("uses a regular expression with a class per alternating syllable, other characters escaped", () => {
    expect(sqlMatcher(words("로인")[0])).toEqual({ op: "~", pattern: "[로노]인" });
    expect(sqlMatcher(words("리(a)")[0])).toEqual({ op: "~", pattern: "[리니이]\\(a\\)" });
    expect(sqlMatcher(words("국제로동")[0])).toEqual({ op: "~", pattern: "국제[로노]동" });
  });
});

describe("highlight", () => {
  it("marks every match in either spelling, overlapping words merged", () => {
    expect(marked("로인협회와 노인대학", "노인")).toBe("[로인]협회와 [노인]대학");
    expect(marked("연길시 학교", "연길 길시")).toBe("[연길시] 학교");
    expect(marked("WeChat 위챗", "wechat")).toBe("[WeChat] 위챗");
  });
  it("returns markup characters as plain text pieces", () => {
    const pieces = highlight('<b>경제</b> & "뉴스"', words("경제"));
    expect(pieces).toEqual([
      { text: "<b>", mark: false },
      { text: "경제", mark: true },
      { text: '</b> & "뉴스"', mark: false },
    ]);
  });
  it("treats regex characters in the query literally", () => {
    expect(marked("a.b acb (x)", "a.b")).toBe("[a.b] acb (x)");
    expect(marked("a.b acb (x)", "(x)")).toBe("a.b acb [(x)]");
  });
});

describe("snippet", () => {
  const text = `${"앞부분 문장입니다. ".repeat(20)}연길시 로인협회가 모임을 가졌다. ${"뒤부분 문장입니다. ".repeat(20)}`;
  it("shows the text around the first match, cut at spaces", () => {
    const s = snippet(text, words("노인협회"))!;
    expect(s).toContain("로인협회");
    expect(s.startsWith("...")).toBe(true);
    expect(s.endsWith("...")).toBe(true);
    expect(s.length).toBeLessThanOrEqual(156);
  });
  it("is null when no word occurs", () => {
    expect(snippet(text, words("축구"))).toBeNull();
  });
});
