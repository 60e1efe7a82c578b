"use client";
// The captcha picture and its refresh button. Each new src is a new challenge (and cookie),
// so with JavaScript the picture is only fetched once the reader comes near the form: readers
// who never comment create no challenge. Without JavaScript the <noscript> picture loads with
// the page, and the button submits the form with intent=refresh, which keeps what was typed
// and renders a new picture.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { CAPTCHA_HEIGHT, CAPTCHA_WIDTH } from "@/lib/captcha/size";
import { hydratedAttr, useHydrated } from "@/lib/use-hydrated";

const ALT = "인증코드 그림";

/** The picture, then `input` (the hint says "the box on the left"), then the refresh button. */
export function CaptchaImage({ serverKey, input }: { serverKey?: string; input: ReactNode }) {
  const [armed, setArmed] = useState(false);
  const [refreshes, setRefreshes] = useState(0);
  const [failed, setFailed] = useState(false);
  const hydrated = useHydrated();
  const box = useRef<HTMLSpanElement>(null);
  const key = [serverKey, refreshes || null].filter(Boolean).join("-");
  const src = key ? `/api/captcha?k=${key}` : "/api/captcha";

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const arm = () => setArmed(true);
    const form = el.closest("form");
    form?.addEventListener("focusin", arm);
    const seen = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && arm(), { rootMargin: "200px" });
    seen.observe(el);
    return () => {
      form?.removeEventListener("focusin", arm);
      seen.disconnect();
    };
  }, []);

  return (
    <>
      <span ref={box} className="comment-captcha-box">
        {armed ? (
          <img
            className="comment-captcha-img"
            src={src}
            width={CAPTCHA_WIDTH}
            height={CAPTCHA_HEIGHT}
            alt={ALT}
            onLoad={() => setFailed(false)}
            onError={() => setFailed(true)}
          />
        ) : (
          <noscript>
            <img className="comment-captcha-img" src={src} width={CAPTCHA_WIDTH} height={CAPTCHA_HEIGHT} alt={ALT} />
          </noscript>
        )}
      </span>
      {input}
      <button
        type="submit"
        name="intent"
        value="refresh"
        formNoValidate
        className="comment-captcha-refresh"
        {...hydratedAttr(hydrated)}
        onClick={(e) => {
          e.preventDefault();
          setArmed(true);
          setRefreshes((n) => n + 1);
          (e.currentTarget.form?.elements.namedItem("captcha") as HTMLInputElement | null)?.focus();
        }}
      >
        새 인증코드
      </button>
      {failed && (
        <p className="comment-error" role="alert">
          인증코드 그림을 불러오지 못했습니다. 잠시 뒤 &lsquo;새 인증코드&rsquo;를 눌러 주세요.
        </p>
      )}
    </>
  );
}
