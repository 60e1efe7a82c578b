// Site identity for the header, footer and metadata, from the environment (lib/env.ts).
import { env } from "../env";

export const site = {
  name: env.SITE_NAME,
  url: env.SITE_URL.replace(/\/$/, ""),
  operator: env.SITE_OPERATOR,
  address: env.SITE_ADDRESS,
  email: env.SITE_EMAIL,
  license: env.SITE_LICENSE,
  since: env.SITE_SINCE,
  description: `${env.SITE_NAME}: 연변과 중국 조선족 사회의 소식을 전하는 우리 말 뉴스포털`,
};
