"use client";
// 조회 on a cached page: the page ships the count it was rendered with, and this island
// reports the visit once per tab session (sessionStorage) and shows the live figure the
// server returns. The server decides what counts: one view per address, article and day.
import { useEffect, useState } from "react";
import { hydratedAttr, useHydrated } from "@/lib/use-hydrated";

export function ViewCount({ articleId, initial }: { articleId: number; initial: number }) {
  const [views, setViews] = useState(initial);
  const hydrated = useHydrated();
  useEffect(() => {
    const key = `viewed:${articleId}`;
    let seen = false;
    try {
      seen = sessionStorage.getItem(key) === "1";
    } catch {
      // Storage may be blocked; count the view anyway.
    }
    const ctrl = new AbortController();
    fetch(`/api/views/${articleId}`, { method: seen ? "GET" : "POST", signal: ctrl.signal, cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((d: { views?: number } | null) => {
        if (!d || typeof d.views !== "number") return; // 429 or gone: keep the rendered figure
        setViews(d.views);
        try {
          sessionStorage.setItem(key, "1");
        } catch {}
      })
      .catch(() => {});
    return () => ctrl.abort();
  }, [articleId]);
  return (
    <span className="views" data-views={views} {...hydratedAttr(hydrated)}>
      조회:{views}
    </span>
  );
}
