// What the comment action hands back to the form (useActionState), with or without JavaScript.
import type { CommentErrors } from "./post";

export type CommentFormState = {
  status: "idle" | "error" | "ok";
  message?: string;
  errors?: CommentErrors;
  /** What the reader typed, to refill the form; the captcha answer is never echoed. */
  values?: { nickname: string; body: string };
  /** Changes whenever the form must show a new captcha image. */
  captchaKey?: string;
  commentId?: number;
};

export const initialCommentState: CommentFormState = { status: "idle" };
