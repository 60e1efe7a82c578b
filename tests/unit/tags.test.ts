// The "태그" field's cleaning: what an editor types becomes the tags readers see.
import { describe, expect, it } from "vitest";
import { splitTags, tagSlug, tagsField } from "../../lib/validations/tags";

describe("tags", () => {
  it("splits on ASCII, full-width and ideographic commas, trims, folds spaces and drops repeats (first spelling wins)", () => {
    expect(splitTags(" 연변 ,교육，조선족   축제、 #문화 , 연변,,  YANBIAN , yanbian")).toEqual(["연변", "교육", "조선족 축제", "문화", "YANBIAN"]);
  });

  it("normalises to NFC, so a decomposed 한글 tag is the same tag", () => {
    const nfd = "한글".normalize("NFD");
    expect(nfd).not.toBe("한글");
    expect(splitTags(`${nfd}, 한글`)).toEqual(["한글"]);
    expect(tagSlug(nfd)).toBe("한글");
  });

  it("drops control characters (PostgreSQL refuses NUL in text)", () => {
    expect(splitTags("연\u0000변, \u0007")).toEqual(["연 변"]);
    expect(tagSlug("\u0000")).toBe("");
  });

  it("slugs keep the Korean name readable: lower case, spaces as dashes", () => {
    expect(tagSlug(" 조선족 축제 ")).toBe("조선족-축제");
    expect(tagSlug("Yanbian Univ")).toBe("yanbian-univ");
  });

  it("accepts up to 10 tags of up to 30 characters and says what is wrong otherwise", () => {
    expect(tagsField.safeParse(Array.from({ length: 10 }, (_, i) => `t${i}`).join(",")).success).toBe(true);
    expect(tagsField.safeParse(Array.from({ length: 11 }, (_, i) => `t${i}`).join(",")).error?.issues[0].message).toContain("10개");
    expect(tagsField.safeParse("가".repeat(30)).success).toBe(true);
    expect(tagsField.safeParse("가".repeat(31)).error?.issues[0].message).toContain("30자");
    expect(tagsField.parse(undefined)).toEqual([]);
  });
});
