"use client";
// Lets the reader enlarge or shrink the article body; the choice is remembered.
import { useEffect, useState } from "react";
import { hydratedAttr, useHydrated } from "@/lib/use-hydrated";

const SIZES = [15, 17, 19, 22, 25];
const KEY = "article-font-step";

export function FontSizeControl() {
  const [step, setStep] = useState(1);
  const hydrated = useHydrated();
  useEffect(() => {
    // Nothing saved yet (a first visit) keeps the default: Number(null) would be step 0.
    const raw = localStorage.getItem(KEY);
    const saved = raw === null ? NaN : Number(raw);
    if (Number.isInteger(saved) && saved >= 0 && saved < SIZES.length) setStep(saved);
  }, []);
  useEffect(() => {
    document.documentElement.style.setProperty("--article-font-size", `${SIZES[step]}px`);
    localStorage.setItem(KEY, String(step));
  }, [step]);
  return (
    <div className="font-size-control" role="group" aria-label="글자 크기" {...hydratedAttr(hydrated)}>
      <button type="button" onClick={() => setStep((s) => Math.max(0, s - 1))} disabled={step === 0}>
        가-<span className="visually-hidden"> 글자 작게</span>
      </button>
      <button type="button" onClick={() => setStep((s) => Math.min(SIZES.length - 1, s + 1))} disabled={step === SIZES.length - 1}>
        가+<span className="visually-hidden"> 글자 크게</span>
      </button>
    </div>
  );
}
