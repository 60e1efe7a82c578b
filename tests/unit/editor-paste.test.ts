// Paste cleaning (lib/editor/paste.ts): clipboard HTML in the shapes Word, 한글, Google Docs and
// web pages write it (our own text), parsed here with htmlparser2 (the parser sanitize-html
// uses) instead of the browser's DOMParser; the e2e test pastes through Chromium.
import { describe, expect, it } from "vitest";
import { parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";
import type { BodyNode } from "@/lib/editor/body-tree";
import { cleanPastedTree, plainTextToHtml } from "@/lib/editor/paste";
import { GDOCS, HWP, WEB, WORD } from "../support/paste-fixtures";

function tree(nodes: ChildNode[]): BodyNode[] {
  const out: BodyNode[] = [];
  for (const n of nodes) {
    if (n.type === "text") out.push(n.data);
    else if (n.type === "tag" || n.type === "script" || n.type === "style") {
      const e = n as Element;
      out.push({ tag: e.name.toLowerCase(), attrs: Object.entries(e.attribs).map(([k, v]) => [k.toLowerCase(), v]), kids: tree(e.children) });
    }
  }
  return out;
}

function paste(html: string, origin = "https://news.example") {
  const doc = parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true });
  const find = (nodes: ChildNode[]): Element | undefined => {
    for (const n of nodes) {
      if (n.type !== "tag") continue;
      if (n.name === "body") return n;
      const inner = find(n.children);
      if (inner) return inner;
    }
  };
  return cleanPastedTree(tree(find(doc.children)?.children ?? doc.children), origin);
}

describe("paste from Word", () => {
  const { html, foreignImages } = paste(WORD);
  it("makes real lists of mso-list paragraphs, nested by level, ordered when Word numbered them, without the markers", () => {
    expect(html).toContain("<ul><li>어린이 열람실<ul><li>그림책 코너</li></ul></li><li>조용한 독서실</li></ul>");
    expect(html).toContain("<ol><li>축사</li><li>테이프 자르기</li></ol>");
    expect(html).not.toMatch(/[§·]/);
  });
  it("keeps headings, bold, italic and http links; drops styles, <o:p>, conditional comments and file: links", () => {
    expect(html).toMatch(/^<h2>마을 도서관이 문을 열다<\/h2><p>새 도서관은 <strong>토요일<\/strong>에도 <em>저녁까지<\/em> 엽니다.<\/p>/);
    expect(html).toContain(`<p><strong>문의</strong>: <a href="https://library.example/info">도서관 안내</a>, 내 파일</p>`);
    expect(html).not.toMatch(/style|class|Mso|o:p|xml|WordDocument|file:|&nbsp;|<p><\/p>/);
  });
  it("leaves out the photo Word points at on the writer's disk, and says so", () => {
    expect(html).not.toContain("<img");
    expect(foreignImages).toBeGreaterThan(0);
  });
  it("keeps the table with its colspan", () => {
    expect(html).toContain(`<table><tbody><tr><td><strong>요일</strong></td><td colspan="2"><strong>시간</strong></td></tr><tr><td>토요일</td><td>9시</td><td>18시</td></tr></tbody></table>`);
  });
});

describe("paste from 한글 (HWP)", () => {
  const { html } = paste(HWP);
  it("keeps paragraphs, bold and italic from styled spans and drops HStyle classes and empty lines", () => {
    expect(html).toContain("<p><strong>장터에 봄이 왔다</strong></p>");
    expect(html).toContain("<p>이른 아침부터 사람들이 모였다. <strong>냉이</strong>와 <em>달래</em>가 많다.</p>");
    expect(html).not.toMatch(/HStyle|style=|<p>\s*<\/p>/i);
  });
  it("keeps the table with its rowspan", () => {
    expect(html).toContain(`<table><tbody><tr><td>품목</td><td rowspan="2">값</td></tr><tr><td>냉이</td></tr></tbody></table>`);
  });
});

describe("paste from Google Docs", () => {
  const { html } = paste(GDOCS);
  it("unwraps the docs-internal-guid wrapper (not bold) and keeps font-weight:700 and italic spans", () => {
    expect(html).toBe(
      "<h2>행사 일정</h2><p>올해 축제는 <strong>사흘</strong> 동안 <em>강변 공원</em>에서 열린다.</p><ul><li>첫날: 노래자랑</li><li>둘째 날: 씨름</li></ul><ol><li>접수</li></ol>",
    );
  });
});

describe("paste from a web page", () => {
  const { html, foreignImages } = paste(WEB);
  it("maps h1 to h2 and h4 to h3, divs to paragraphs, and drops scripts, styles and iframes", () => {
    expect(html).toMatch(/^<h2>강변 산책길 새로 단장<\/h2><p>산책길이 <strong>두 배<\/strong>로 넓어졌다.<\/p><p>안쪽 문단.<\/p><h3>주민 반응<\/h3><blockquote><p>“걷기 좋아졌어요.”<\/p><\/blockquote>/);
    expect(html).not.toMatch(/track|script|style|iframe|ads\.example/);
  });
  it("keeps only http/https/mailto links", () => {
    expect(html).toContain(`<p>나쁜 링크 <a href="mailto:desk@news.example">제보</a> 상대 주소</p>`);
  });
  it("keeps our own photos as figures and leaves out other sites' photos", () => {
    expect(html).toContain(`<figure><img src="/media/uploads/a.jpg" alt="우리 사진" /></figure>`);
    expect(html).not.toContain("other.example");
    expect(foreignImages).toBe(1);
  });
  it("drops underline, code and colour but keeps their text; no empty paragraphs; tables with a header row", () => {
    expect(html).toContain("<p>밑줄 글, 코드, 빨강</p><table><thead><tr><th>구간</th><th>길이</th></tr></thead><tbody><tr><td>1구간</td><td>2km</td></tr></tbody></table>");
    expect(html).not.toContain("<p></p>");
  });
});

describe("plain text", () => {
  it("makes a paragraph of each blank-line-separated block and escapes markup", () => {
    expect(plainTextToHtml("첫 문단\r\n둘째 줄\r\n\r\n\r\n<b>굵게</b> 아님\n \n")).toBe("<p>첫 문단<br>둘째 줄</p><p>&lt;b&gt;굵게&lt;/b&gt; 아님</p>");
  });
});
