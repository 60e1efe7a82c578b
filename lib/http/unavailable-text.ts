// The words of the "temporarily unavailable" pages (app/error.tsx, app/global-error.tsx).
export const unavailable = {
  title: "잠시 서비스를 이용할 수 없습니다",
  message: "지금 기사를 불러올 수 없습니다. 서버 점검이나 일시적인 장애일 수 있으니 잠시 후 다시 시도해 주십시오.",
  retry: "다시 시도",
} as const;

/** The same page when the database is up but too busy to answer in time (lib/http/db-outage.ts). */
export const busy = {
  title: "잠시 후 다시 시도해 주십시오",
  message: "지금 찾는 분이 많아 요청을 처리하지 못했습니다. 몇 초 뒤에 다시 시도해 주십시오.",
} as const;
