// A revision compared with the article now, word by word: what an editor reads on the
// revisions page (deleted words struck out, inserted words underlined; text, never markup).
import { describe, expect, it } from "vitest";
import { bodyText, diffText, revisionDiff } from "@/lib/desk/revision-diff";

const joined = (parts: { kind: string; text: string }[] | null, kind: string) =>
  (parts ?? []).filter((p) => p.kind === kind).map((p) => p.text.trim()).join("|");

describe("revision diff", () => {
  it("marks the Korean words (not single syllables) deleted since the revision and inserted", () => {
    const parts = diffText("연길시 인구는 많다", "연길시 안구는 많다");
    expect(joined(parts, "del")).toBe("인구는");
    expect(joined(parts, "ins")).toBe("안구는");
    expect(joined(parts, "same")).toBe("연길시|많다");
  });

  it("reads the body as text, a line per paragraph, and keeps markup-like text as text", () => {
    expect(bodyText("<h2>소제목</h2><p>첫 문단 <b>굵게</b></p><ul><li>하나</li><li>둘</li></ul><p>a &lt;b&gt; c</p>")).toBe("소제목\n첫 문단 굵게\n하나\n둘\na <b> c");
    const d = revisionDiff({ title: "제목", subtitle: null, body: "<p>옛 문단</p>" }, { title: "제목", subtitle: "새 부제", body: "<p>옛 문단</p><p>&lt;script&gt;새 문단</p>" });
    expect(d.map((x) => [x.field, x.changed])).toEqual([
      ["title", false],
      ["subtitle", true],
      ["body", true],
    ]);
    expect(joined(d[1].parts, "ins")).toBe("새 부제");
    expect(joined(d[2].parts, "ins")).toContain("<script>새 문단"); // shown as text by React, never parsed
  });

  it("does not try to diff two long, entirely different bodies word by word", () => {
    const a = Array.from({ length: 6000 }, (_, i) => `가${i}`).join(" ");
    const b = Array.from({ length: 6000 }, (_, i) => `나${i}`).join(" ");
    expect(diffText(a, b)).toBeNull();
    expect(diffText("같은 글", "같은 글")).toEqual([{ kind: "same", text: "같은 글" }]);
  });
});
