// The captcha cookie: only the challenge id (a random token); the digits never leave the server.
import { CAPTCHA_TTL_SECONDS } from "../comments/config";

export const CAPTCHA_COOKIE = "captcha_id";

export function captchaCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: CAPTCHA_TTL_SECONDS, secure };
}
