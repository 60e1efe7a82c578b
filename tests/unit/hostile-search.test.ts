// Search input a client may send that PostgreSQL would refuse: NUL and other control characters.
import { describe, expect, it } from "vitest";
import { parseQuery } from "@/lib/search/query";

describe("search query with control characters", () => {
  it("treats them as spaces, so no NUL ever reaches SQL", () => {
    expect(parseQuery("\u0000").text).toBe("");
    expect(parseQuery("경제\u0000학교").text).toBe("경제 학교");
    expect(parseQuery("a\u0007\u009fb").words.length).toBe(2);
    expect(parseQuery(["\u0000연길", "x"]).text).toBe("연길");
  });
});
