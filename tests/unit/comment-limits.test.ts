// The arithmetic of the comment limits, with the clock moved by hand.
import { describe, expect, it } from "vitest";
import { CAPTCHA_MAX_ATTEMPTS, CAPTCHA_TTL_SECONDS, FAILURE_LIMIT, FAILURE_WINDOW_SECONDS } from "@/lib/comments/config";
import { addFailure, countLinks, failureBlockSeconds, judgeChallenge, sameText, secondsUntilNextPost, type FailureState } from "@/lib/comments/limits";

const t0 = new Date("2024-10-28T04:04:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe("one comment per client every N seconds", () => {
  it("counts the seconds left, rounded up", () => {
    expect(secondsUntilNextPost(null, t0, 30)).toBe(0);
    expect(secondsUntilNextPost(t0, at(0), 30)).toBe(30);
    expect(secondsUntilNextPost(t0, at(0.2), 30)).toBe(30);
    expect(secondsUntilNextPost(t0, at(29.5), 30)).toBe(1);
    expect(secondsUntilNextPost(t0, at(30), 30)).toBe(0);
    expect(secondsUntilNextPost(t0, at(3600), 30)).toBe(0);
  });
  it("is off when the interval is 0", () => {
    expect(secondsUntilNextPost(t0, t0, 0)).toBe(0);
  });
});

describe("wrong captcha answers per client", () => {
  const fresh: FailureState = { failures: 0, failuresSince: null };
  it("blocks after the limit within the window, until the window ends", () => {
    let s = fresh;
    for (let i = 0; i < FAILURE_LIMIT - 1; i++) s = addFailure(s, at(i * 10));
    expect(s).toEqual({ failures: FAILURE_LIMIT - 1, failuresSince: t0 });
    expect(failureBlockSeconds(s, at(100))).toBe(0);
    s = addFailure(s, at(100));
    expect(failureBlockSeconds(s, at(100))).toBe(FAILURE_WINDOW_SECONDS - 100);
    expect(failureBlockSeconds(s, at(FAILURE_WINDOW_SECONDS - 1))).toBe(1);
    expect(failureBlockSeconds(s, at(FAILURE_WINDOW_SECONDS))).toBe(0);
  });
  it("starts a new window once the old one has closed", () => {
    const s = { failures: FAILURE_LIMIT, failuresSince: t0 };
    expect(addFailure(s, at(FAILURE_WINDOW_SECONDS + 5))).toEqual({ failures: 1, failuresSince: at(FAILURE_WINDOW_SECONDS + 5) });
  });
});

describe("captcha challenges", () => {
  const live = { answer: "48213", attempts: 0, expiresAt: at(CAPTCHA_TTL_SECONDS), usedAt: null };
  it("accepts the right digits and refuses wrong ones", () => {
    expect(judgeChallenge(live, "48213", t0)).toBe("ok");
    expect(judgeChallenge(live, "48231", t0)).toBe("wrong");
    expect(judgeChallenge(null, "48213", t0)).toBe("missing");
  });
  it("expires five minutes after it was drawn", () => {
    expect(CAPTCHA_TTL_SECONDS).toBe(300);
    expect(judgeChallenge(live, "48213", at(299))).toBe("ok");
    expect(judgeChallenge(live, "48213", at(300))).toBe("expired");
  });
  it("allows five attempts, then even the right answer is refused", () => {
    expect(CAPTCHA_MAX_ATTEMPTS).toBe(5);
    expect(judgeChallenge({ ...live, attempts: 4 }, "48213", t0)).toBe("ok");
    expect(judgeChallenge({ ...live, attempts: 5 }, "48213", t0)).toBe("exhausted");
  });
  it("is one-time", () => {
    expect(judgeChallenge({ ...live, usedAt: t0 }, "48213", at(1))).toBe("used");
  });
});

describe("spam checks", () => {
  it("counts links", () => {
    expect(countLinks("그냥 글")).toBe(0);
    expect(countLinks("http://a.cn/x HTTPS://b.cn WWW.c.cn")).toBe(3);
    expect(countLinks("a.cn 은 링크로 세지 않는다")).toBe(0);
  });
  it("treats texts differing only in spacing or case as the same", () => {
    expect(sameText("좋은  기사\n입니다", " 좋은 기사 입니다 ")).toBe(true);
    expect(sameText("Good", "good")).toBe(true);
    expect(sameText("좋은 기사", "좋은 기사!")).toBe(false);
  });
});
