// The words of the reader's 404 and 410 pages, shared by the React pages (app/not-found.tsx,
// app/global-not-found.tsx, app/(site)/not-found.tsx) and the plain HTML ones that proxy.ts and
// the old-link routes send (lib/seo/status-page.ts), so that a reader gets the same page
// whichever part of the portal answered.
export const STATUS_TEXT = {
  missing: {
    title: "페지를 찾을 수 없습니다",
    message: "주소가 바뀌었거나 없는 기사입니다. 주소를 다시 확인하시거나 아래 최신기사, 웃쪽의 검색을 리용해 주십시오.",
  },
  gone: {
    title: "삭제된 기사입니다",
    message: "이 기사는 편집부가 삭제하여 더는 볼 수 없습니다. 아래 최신기사, 웃쪽의 검색을 리용해 주십시오.",
  },
} as const;

export type StatusKind = keyof typeof STATUS_TEXT;

/** How many of the newest articles a 404 or 410 page links to. */
export const STATUS_LATEST = 8;

export const LATEST_HEADING = "최신기사";
