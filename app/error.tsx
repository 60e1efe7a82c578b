"use client";
// What a reader sees when a page cannot be rendered, most often because the database is away
// for a moment: lib/http/server-hooks.ts then sends it as 503 with Retry-After. Production
// hides the error's message from the browser, so the text stays general and asks for a retry.
import { unavailable } from "@/lib/http/unavailable-text";

export default function ErrorPage() {
  return (
    <div className="not-found" role="alert">
      <h1>{unavailable.title}</h1>
      <p>{unavailable.message}</p>
      <p>
        {/* A full reload, not reset(): the server has to render the page again. */}
        <a href="">{unavailable.retry}</a> · <a href="/">홈으로 가기</a>
      </p>
    </div>
  );
}
