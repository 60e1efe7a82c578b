"use client";
// The article form's saving rules, apart from its fields: drafts autosave every 10 seconds
// when changed, a manual save waits for an autosave on its way, and every save carries the
// version it was based on. When another tab or person saved first the server refuses it
// (409): the form keeps the text, says so and stops autosaving instead of retrying a version
// that can never win. Leaving with unsaved changes asks first. `flush` autosaves at once (the
// preview of unsaved changes shows what it stored).
import { useEffect, useRef, useState, type RefObject } from "react";
import { autosaveArticleAction } from "@/lib/actions/articles";
import type { FormState } from "@/lib/actions/safe-action";
import type { SavedArticle } from "@/lib/actions/core/article-save";

export const AUTOSAVE_MS = 10_000;

/** `dirty`: the form starts with text that is not stored (an autosave loaded with "불러오기"). */
type Start = { id: number | null; version: number | null; status: string; dirty?: boolean };

export function useArticleAutosave(form: RefObject<HTMLFormElement | null>, initial: Start, state: FormState<SavedArticle>, pending: boolean) {
  const [id, setId] = useState(initial.id);
  const [version, setVersion] = useState(initial.version);
  const [status, setStatus] = useState(initial.status);
  const [autoNote, setAutoNote] = useState("");
  const [halted, setHalted] = useState("");
  const dirty = useRef(initial.dirty ?? false);
  // What the next save is based on, updated the moment a save answers: a render later would
  // let a save sent in between carry the old version and be refused by our own tab.
  const base = useRef({ id: initial.id, version: initial.version });
  const autosaving = useRef<Promise<unknown> | null>(null);
  const submitting = useRef(false);
  const stopped = useRef(false);

  const adopt = (d: SavedArticle) => {
    base.current = { id: d.id, version: d.version };
    setId(d.id);
    setVersion(d.version);
    setStatus(d.status);
  };
  /** A save that can never succeed as it stands: keep every field, say why, autosave no more. */
  const halt = (message: string) => {
    stopped.current = true;
    setHalted(message);
  };

  useEffect(() => {
    if (state.ok && state.data) {
      adopt(state.data);
      dirty.current = false;
      setAutoNote(`저장됨 ${state.data.savedAt.slice(11)}`);
    } else if (state.ok === false) {
      dirty.current = true; // the text on screen is still unsaved
      if (state.status === 409) halt(state.message ?? "");
    }
  }, [state]);

  useEffect(() => {
    if (!pending) submitting.current = false;
  }, [pending]);

  // Kept in a ref so that `flush` (outside the effect) runs the same autosave.
  const autosaveRef = useRef<(force?: boolean) => Promise<SavedArticle | null>>(async () => null);

  useEffect(() => {
    const autosave = async (force = false): Promise<SavedArticle | null> => {
      const el = form.current;
      if ((!dirty.current && !force) || stopped.current || submitting.current || !el) return null;
      dirty.current = false;
      const fd = new FormData(el);
      fd.set("intent", "save");
      fd.set("id", String(base.current.id ?? ""));
      fd.set("version", String(base.current.version ?? ""));
      try {
        const r = await autosaveArticleAction(fd);
        if (r.ok && r.data) {
          if (base.current.id === null) window.history.replaceState(null, "", `/admin/articles/${r.data.id}/edit`);
          adopt(r.data);
          setAutoNote(`자동저장됨 ${r.data.savedAt.slice(11)}`);
          return r.data;
        } else if (!r.ok) {
          dirty.current = true;
          // 409 (saved elsewhere first, or binned) and 403/404 cannot get better by retrying.
          if (r.status === 409) halt(r.message ?? "");
          else if (r.status === 403 || r.status === 404) {
            stopped.current = true;
            setAutoNote(`자동저장을 멈췄습니다: ${r.message ?? ""}`);
          } else setAutoNote(`자동저장 못함: ${r.message ?? ""}`);
        }
      } catch {
        dirty.current = true;
        setAutoNote("자동저장 못함 (연결을 확인하세요)");
      }
      return null;
    };
    autosaveRef.current = autosave;
    const t = setInterval(() => {
      if (autosaving.current) return;
      autosaving.current = autosave().finally(() => {
        autosaving.current = null;
      });
    }, AUTOSAVE_MS);
    const warn = (ev: BeforeUnloadEvent) => {
      if (dirty.current) ev.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      clearInterval(t);
      window.removeEventListener("beforeunload", warn);
    };
    // The interval lives as long as the form; everything it reads is in refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const markDirty = () => {
    dirty.current = true;
  };

  /** A save by hand: based on the answer of an autosave on its way, then sent with `send`. */
  const save = (fd: FormData, send: (fd: FormData) => void) => {
    dirty.current = false;
    submitting.current = true;
    void (async () => {
      // An autosave on its way will move the version on: base this save on its answer.
      await autosaving.current;
      fd.set("id", String(base.current.id ?? ""));
      fd.set("version", String(base.current.version ?? ""));
      send(fd);
    })();
  };

  /**
   * Autosaves now (after one on its way) even when nothing changed since the last one: the
   * stored text (a draft's row, or a published article's autosave revision) is then exactly
   * the form's. Null when it could not (saving stopped, a save by hand on its way, an error).
   */
  const flush = async (): Promise<SavedArticle | null> => {
    await autosaving.current;
    const p = autosaveRef.current(true);
    autosaving.current = p.finally(() => {
      autosaving.current = null;
    });
    return p;
  };

  /** Whether the form holds text that no save has stored yet. */
  const isDirty = () => dirty.current;

  return { id, version, status, autoNote, halted, markDirty, save, flush, isDirty };
}
