// An article as lib/data hands it to pages, for the SEO builders' tests.
import type { Article } from "@/lib/types";

export function sampleArticle(over: Partial<Article> = {}): Article {
  return {
    id: 4321,
    title: "연길시 《도시 건설》 련속 보도 <특집> </script><script>alert(1)</script>",
    excerpt: "로인들의 건강을 위한 활동이 진행되였다...",
    publishedAt: "2024-10-28T04:04:00.000Z",
    updatedAt: "2024-10-29T01:00:00.000Z",
    section: { id: 1, slug: "yanbian", name: "연변" },
    cover: {
      id: 9,
      key: "uploads/2024/10/abc.jpg",
      width: 1600,
      height: 1067,
      alt: "연길 거리",
      variants: [
        { width: 640, height: 427, format: "webp", key: "uploads/2024/10/abc-w640.webp" },
        { width: 1200, height: 630, format: "jpeg", key: "uploads/2024/10/abc-og.jpg" },
      ],
    },
    subtitle: null,
    body: "<p>본문</p>",
    sourceName: "해란강뉴스",
    byline: "/길림신문 리전기자",
    editorName: "유경봉",
    viewCount: 3,
    coverCaption: null,
    legacyId: null,
    authorName: "리전",
    ...over,
  };
}
