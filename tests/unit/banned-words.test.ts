// The banned-words list (금지어): how it is written and how a comment is matched against it.
import { describe, expect, it } from "vitest";
import { bannedMessage, compact, findBannedWord, parseBannedWords } from "@/lib/comments/banned-words";

describe("the list", () => {
  it("splits on commas and lines, trims, drops blanks and repeats (spelt alike)", () => {
    expect(parseBannedWords(" 바보 ,\n광고문의,, 바 보\r\nSPAM\nspam ")).toEqual(["바보", "광고문의", "SPAM"]);
  });
});

describe("matching", () => {
  const words = parseBannedWords("바보, 광고문의, spam");
  it("finds a word inside text, whatever the spaces, punctuation and case between its letters", () => {
    expect(findBannedWord(["이 바보야"], words)).toBe("바보");
    expect(findBannedWord(["바 보"], words)).toBe("바보");
    expect(findBannedWord(["바.보!"], words)).toBe("바보");
    expect(findBannedWord(["광고 문의는 여기로"], words)).toBe("광고문의");
    expect(findBannedWord(["S p-A_m"], words)).toBe("spam");
    expect(findBannedWord(["ＳＰＡＭ"], words)).toBe("spam");
  });
  it("finds a word written in decomposed jamo (NFD)", () => {
    const nfd = "바보".normalize("NFD");
    expect(nfd).not.toBe("바보");
    expect(compact(nfd)).toBe("바보");
    expect(findBannedWord([`이 ${nfd}야`], words)).toBe("바보");
    expect(findBannedWord(["이 바보야"], parseBannedWords(nfd))).toBe(nfd.normalize("NFC"));
  });
  it("lets clean text and an empty list through", () => {
    expect(findBannedWord(["연길의 봄 소식"], words)).toBeNull();
    expect(findBannedWord(["바보"], [])).toBeNull();
  });
});

describe("the message names the word with the right particle", () => {
  it.each([
    ["바보", "'바보'는 쓸 수 없는 낱말입니다."],
    ["광고문의", "'광고문의'는 쓸 수 없는 낱말입니다."],
    ["욕설", "'욕설'은 쓸 수 없는 낱말입니다."],
    ["spam", "'spam'은(는) 쓸 수 없는 낱말입니다."],
  ])("%s", (w, m) => expect(bannedMessage(w)).toBe(m));
});
