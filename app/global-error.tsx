"use client";
// The last resort, when even the root layout failed: it replaces the whole document.
import { unavailable } from "@/lib/http/unavailable-text";
import "./globals.css";

export default function GlobalError() {
  return (
    <html lang="ko">
      <body>
        <main className="not-found" role="alert">
          <h1>{unavailable.title}</h1>
          <p>{unavailable.message}</p>
          <p>
            <a href="">{unavailable.retry}</a> · <a href="/">홈으로 가기</a>
          </p>
        </main>
      </body>
    </html>
  );
}
