"use client";
// The comment form: a plain <form> posting to a server action, so it works without
// JavaScript; with it, no reload, a pending state, and the captcha refreshes in place.
import { useActionState, useEffect, useState } from "react";
import { postComment } from "@/lib/actions/post-comment";
import { initialCommentState } from "@/lib/comments/form-state";
import { BODY_MAX, NICKNAME_MAX } from "@/lib/comments/constants";
import { hydratedAttr } from "@/lib/use-hydrated";
import { CaptchaImage } from "./captcha-image";
import { FieldError } from "./field-error";

/** permalink: the article page's form (lib/urls commentFormPath), passed in: this module is client code. */
export function CommentForm({ articleId, permalink }: { articleId: number; permalink: string }) {
  // The permalink is where a post made before the script loaded lands (the form's action
  // attribute; without one React writes an empty action="", which is invalid HTML).
  const [state, action, pending] = useActionState(postComment, initialCommentState, permalink);
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const errors = state.errors ?? {};
  const described = (field: keyof typeof errors, extra?: string) => [extra, errors[field] ? `comment-${field}-error` : null].filter(Boolean).join(" ") || undefined;

  useEffect(() => {
    if (state.status === "ok" && state.commentId) document.getElementById(`c${state.commentId}`)?.scrollIntoView({ block: "nearest" });
  }, [state]);

  return (
    <form id="comment-form" className="comment-form" action={action} noValidate aria-busy={pending} {...hydratedAttr(enhanced)}>
      {/* The default button for Enter in a text field: posting, not the captcha refresh below. */}
      <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        댓글 올리기
      </button>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="enhanced" value={enhanced ? "1" : "0"} />
      <div className="comment-field">
        <label htmlFor="comment-nickname">
          <span className="comment-required">[필수입력]</span> 닉네임
        </label>
        <input
          id="comment-nickname"
          name="nickname"
          maxLength={NICKNAME_MAX}
          autoComplete="nickname"
          required
          defaultValue={state.values?.nickname}
          aria-invalid={errors.nickname ? true : undefined}
          aria-describedby={described("nickname")}
        />
        <FieldError id="comment-nickname-error" messages={errors.nickname} />
      </div>
      <div className="comment-field">
        <label htmlFor="comment-body">댓글 내용</label>
        <textarea
          id="comment-body"
          name="body"
          rows={4}
          maxLength={BODY_MAX}
          required
          defaultValue={state.values?.body}
          placeholder={`${BODY_MAX.toLocaleString("en")}자 이내로 써주세요. 링크, 욕설, 광고는 삼가해 주세요.`}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={described("body")}
        />
        <FieldError id="comment-body-error" messages={errors.body} />
      </div>
      <div className="comment-field">
        <label htmlFor="comment-captcha">
          <span className="comment-required">[필수입력]</span> 인증코드
        </label>
        <div className="comment-captcha">
          <CaptchaImage
            serverKey={state.captchaKey}
            input={
              <input
                id="comment-captcha"
                key={state.captchaKey ?? "first"}
                name="captcha"
                inputMode="numeric"
                autoComplete="off"
                maxLength={8}
                required
                aria-invalid={errors.captcha ? true : undefined}
                aria-describedby={described("captcha", "comment-captcha-hint")}
              />
            }
          />
        </div>
        <p id="comment-captcha-hint" className="comment-hint">
          왼쪽 박스안에 표시된 수자를 정확히 입력하세요
        </p>
        <FieldError id="comment-captcha-error" messages={errors.captcha} />
      </div>
      <div className="comment-actions">
        <p className={`comment-status ${state.status}`} role="status" aria-live="polite">
          {state.message}
        </p>
        <button type="submit" className="comment-submit" disabled={pending}>
          {pending ? "올리는 중…" : "댓글 올리기"}
        </button>
      </div>
    </form>
  );
}
