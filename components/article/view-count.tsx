"use client";
// 조회 on a cached page: the page ships the count it was rendered with, and this island
// reports one view per visit (sessionStorage) and shows the live figure the server returns.
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
        if (d && typeof d.views === "number") setViews(d.views);
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
