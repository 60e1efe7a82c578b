// Site identity for the header, footer and metadata, from the environment (lib/env.ts). Getters,
// so that importing this module does not parse the environment before a test or script set it.
import { env } from "../env";

export const site = {
  get name() {
    return env.SITE_NAME;
  },
  get url() {
    return env.SITE_URL.replace(/\/$/, "");
  },
  get operator() {
    return env.SITE_OPERATOR;
  },
  get address() {
    return env.SITE_ADDRESS;
  },
  get email() {
    return env.SITE_EMAIL;
  },
  get license() {
    return env.SITE_LICENSE;
  },
  get since() {
    return env.SITE_SINCE;
  },
  get description() {
    return `${env.SITE_NAME}: 연변과 중국 조선족 사회의 소식을 전하는 우리 말 뉴스포털`;
  },
};
