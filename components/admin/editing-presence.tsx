"use client";
// "○○○ 님이 이 기사를 고치고 있습니다": the edit page beats every 20 s while it is visible
// (presenceHeartbeatAction), which also answers who else has the article open; leaving the
// page says goodbye with a beacon (app/api/presence) so the line goes at once elsewhere.
import { useEffect, useRef, useState } from "react";
import { presenceHeartbeatAction } from "@/lib/actions/desk";
import type { Editing } from "@/lib/actions/core/presence";
import { hydratedAttr, useHydrated } from "@/lib/use-hydrated";

export const HEARTBEAT_MS = 20_000;

/**
 * This tab's id, random (crypto.getRandomValues also works over plain http) and kept in
 * sessionStorage, which is per tab and survives a reload: a reload renews the same row
 * instead of leaving its old one to look like another open window for minutes (the old
 * page's last heartbeat can reach the server after its goodbye).
 */
function tabId(): string {
  const fresh = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (x) => x.toString(16).padStart(2, "0")).join("");
  try {
    const kept = sessionStorage.getItem("editing-tab");
    if (kept && /^[0-9a-f]{24}$/.test(kept)) return kept;
    const id = fresh();
    sessionStorage.setItem("editing-tab", id);
    return id;
  } catch {
    return fresh(); // storage disabled: one id per page load
  }
}

export function EditingPresence({ articleId, initial }: { articleId: number; initial: Editing[] }) {
  const [others, setOthers] = useState(initial);
  const hydrated = useHydrated();
  const tab = useRef<string | null>(null);

  useEffect(() => {
    tab.current ??= tabId();
    const input = { articleId, tabId: tab.current };
    const beat = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const r = await presenceHeartbeatAction(input);
        if (r.ok && r.data) setOthers(r.data);
      } catch {
        // offline for a moment: the next beat tries again
      }
    };
    void beat();
    const t = setInterval(beat, HEARTBEAT_MS);
    const onVisible = () => void beat();
    const bye = () => navigator.sendBeacon("/api/presence", new Blob([JSON.stringify(input)], { type: "application/json" }));
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("pagehide", bye);
    return () => {
      clearInterval(t);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("pagehide", bye);
      bye(); // leaving the page inside the app (client navigation)
    };
  }, [articleId]);

  return (
    <div className="editing-presence" aria-live="polite" data-testid="presence" {...hydratedAttr(hydrated)}>
      {others.map((o) => (
        <p key={`${o.name}-${o.self}`} className="notice is-warning">
          {o.self ? `${o.name} 님(나)이 다른 창에서도 이 기사를 고치고 있습니다` : `${o.name} 님이 이 기사를 고치고 있습니다`} (마지막 활동 {o.lastSeen})
        </p>
      ))}
    </div>
  );
}
