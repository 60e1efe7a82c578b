"use client";
// 링크 복사: puts the article's address on the clipboard and says so. Where the Clipboard API
// is missing or refused (an old WebView, a page not in focus), the address field next to it is
// selected so the reader can copy it by hand.
import { useState } from "react";
import { hydratedAttr, useHydrated } from "@/lib/use-hydrated";

export function CopyLinkButton({ url, fieldId }: { url: string; fieldId: string }) {
  const hydrated = useHydrated();
  const [said, setSaid] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setSaid("주소를 복사했습니다");
    } catch {
      const field = document.getElementById(fieldId) as HTMLInputElement | null;
      field?.focus();
      field?.select();
      setSaid("주소를 선택했습니다. 복사해 주십시오");
    }
  };
  return (
    <span className="copy-link" {...hydratedAttr(hydrated)}>
      <button type="button" onClick={copy} disabled={!hydrated}>
        링크 복사
      </button>
      <span className="copy-link-status" role="status">
        {said}
      </span>
    </span>
  );
}
