"use client";
// The article editor form. Works as a plain form without JavaScript; with it, the body gets
// the rich editor, drafts autosave every 10 seconds when changed, and the form is never reset
// under the editor's hands after a save. Every save carries the article's version it was
// based on; when another tab or person saved first the server refuses it (409), and the form
// keeps the text, says so and stops autosaving instead of retrying a version that can never win.
import { useActionState, useEffect, useRef, useState, startTransition } from "react";
import Link from "next/link";
import { saveArticleAction, autosaveArticleAction } from "@/lib/actions/articles";
import type { FormState } from "@/lib/actions/safe-action";
import type { SavedArticle } from "@/lib/actions/core/article-save";
import { STATUS_LABEL } from "@/lib/article-status";
import { FormMessage, SelectField, TextField } from "./field";
import { RichEditor, uploadPhoto } from "./rich-editor";

export type ArticleFormValues = {
  id: number | null;
  /** articles.version as loaded; null for an article not stored yet. */
  version: number | null;
  status: string;
  title: string;
  subtitle: string;
  sectionId: number | "";
  sourceName: string;
  byline: string;
  editorName: string;
  excerpt: string;
  body: string;
  coverImageId: number | "";
  coverCaption: string;
  coverSrc: string | null;
  scheduledAt: string;
};

type Props = { initial: ArticleFormValues; sections: { id: number; name: string }[]; canPublish: boolean };

const AUTOSAVE_MS = 10_000;

export function ArticleForm({ initial, sections, canPublish }: Props) {
  const [state, formAction, pending] = useActionState<FormState<SavedArticle>, FormData>(saveArticleAction, {});
  const [id, setId] = useState(initial.id);
  const [version, setVersion] = useState(initial.version);
  const [status, setStatus] = useState(initial.status);
  const [autoNote, setAutoNote] = useState("");
  const [halted, setHalted] = useState("");
  const [ready, setReady] = useState(false);
  const [cover, setCover] = useState({ id: initial.coverImageId, src: initial.coverSrc, note: "" });
  const form = useRef<HTMLFormElement>(null);
  const dirty = useRef(false);
  // What the next save is based on, updated the moment a save answers: a render later would
  // let a save sent in between carry the old version and be refused by our own tab.
  const base = useRef({ id: initial.id, version: initial.version });
  const autosaving = useRef<Promise<void> | null>(null);
  const submitting = useRef(false);
  const stopped = useRef(false);
  const v = state.values;
  const e = state.errors ?? {};

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

  useEffect(() => setReady(true), []);

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

  useEffect(() => {
    const autosave = async () => {
      const el = form.current;
      if (!dirty.current || stopped.current || submitting.current || !el) return;
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
    };
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
  }, []);

  const markDirty = () => {
    dirty.current = true;
  };

  const pickCover = async (f: File) => {
    setCover((c) => ({ ...c, note: "사진을 올리는 중…" }));
    try {
      const img = await uploadPhoto(f, "");
      setCover({ id: img.id, src: img.src, note: "대표 사진을 바꿨습니다." });
      markDirty();
    } catch (err) {
      setCover((c) => ({ ...c, note: (err as Error).message }));
    }
  };

  return (
    <form
      ref={form}
      action={formAction}
      className="article-form"
      data-ready={ready ? "1" : undefined}
      noValidate
      onInput={markDirty}
      onSubmit={(ev) => {
        // Submitted by hand so that React does not reset the form after the action.
        ev.preventDefault();
        const submitter = (ev.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        const fd = new FormData(ev.currentTarget, submitter);
        dirty.current = false;
        submitting.current = true;
        void (async () => {
          // An autosave on its way will move the version on: base this save on its answer.
          await autosaving.current;
          fd.set("id", String(base.current.id ?? ""));
          fd.set("version", String(base.current.version ?? ""));
          startTransition(() => formAction(fd));
        })();
      }}
    >
      <input type="hidden" name="id" value={id ?? ""} />
      <input type="hidden" name="version" value={version ?? ""} />
      {initial.id === null && <input type="hidden" name="fromNew" value="1" />}
      <div className="article-form-main">
        <TextField name="title" label="제목" required maxLength={200} defaultValue={v?.title ?? initial.title} errors={e.title} />
        <TextField name="subtitle" label="부제목" maxLength={300} defaultValue={v?.subtitle ?? initial.subtitle} errors={e.subtitle} />
        <div className="field">
          <label id="f-body-label" htmlFor="f-body">
            본문
          </label>
          <RichEditor name="body" initialHtml={v?.body ?? initial.body} labelId="f-body-label" describedBy="f-body-error" onChange={markDirty} />
          <p className="field-error" id="f-body-error" aria-live="polite">
            {e.body?.join(" ")}
          </p>
        </div>
        <TextField
          name="excerpt"
          label="요약"
          multiline
          rows={3}
          maxLength={400}
          defaultValue={v?.excerpt ?? initial.excerpt}
          errors={e.excerpt}
          hint="비워 두면 본문 앞부분으로 만듭니다."
        />
      </div>
      <aside className="article-form-side">
        <div className="save-box">
          <p className="muted small">
            상태: <strong data-testid="article-status">{STATUS[status] ?? status}</strong>
            <span className="autosave" aria-live="polite">
              {autoNote}
            </span>
          </p>
          {/* A refused save's reason lives in the region below, once. */}
          <FormMessage state={state.status === 409 ? {} : state} />
          <div className="save-conflict" aria-live="assertive" data-testid="save-conflict">
            {halted && (
              <p className="form-message is-error">
                {halted}{" "}
                {id && (
                  <Link href={`/admin/articles/${id}/edit`} target="_blank">
                    최신 판을 새 창에서 보기
                  </Link>
                )}
              </p>
            )}
          </div>
          <div className="save-buttons">
            <button type="submit" name="intent" value="save" className="btn" disabled={pending}>
              저장
            </button>
            {(status === "DRAFT" || status === "NEW") && (
              <button type="submit" name="intent" value="submit" className="btn" disabled={pending}>
                검토 요청
              </button>
            )}
            {canPublish && status !== "PUBLISHED" && (
              <button type="submit" name="intent" value="publish" className="btn btn-primary" disabled={pending}>
                지금 게시
              </button>
            )}
          </div>
          {canPublish && status !== "PUBLISHED" && (
            <div className="schedule-box">
              <TextField
                name="scheduledAt"
                label="예약 게시 (중국시간)"
                type="datetime-local"
                defaultValue={v?.scheduledAt ?? initial.scheduledAt}
                errors={e.scheduledAt}
              />
              <button type="submit" name="intent" value="schedule" className="btn" disabled={pending}>
                예약
              </button>
            </div>
          )}
          {id && (
            <p className="small">
              <Link href={`/admin/articles/${id}/preview`} target="_blank">
                미리보기
              </Link>{" "}
              · <Link href={`/admin/articles/${id}/revisions`}>고친 이력</Link>
            </p>
          )}
        </div>
        <SelectField
          name="sectionId"
          label="분야"
          options={sections.map((s) => ({ value: s.id, label: s.name }))}
          defaultValue={v?.sectionId ?? initial.sectionId}
          errors={e.sectionId}
        />
        <TextField name="sourceName" label="출처 (매체)" required maxLength={100} defaultValue={v?.sourceName ?? initial.sourceName} errors={e.sourceName} />
        <TextField name="byline" label="기자 서명" maxLength={100} defaultValue={v?.byline ?? initial.byline} errors={e.byline} hint="예: /길림신문 리전기자" />
        <TextField name="editorName" label="편집 (编辑)" maxLength={50} defaultValue={v?.editorName ?? initial.editorName} errors={e.editorName} />
        <fieldset className="cover-box">
          <legend>대표 사진</legend>
          {cover.src && <img src={cover.src} alt="" className="cover-preview" />}
          <TextField
            name="coverImageId"
            label="사진 번호"
            inputMode="numeric"
            value={cover.id}
            onChange={(ev) => setCover({ ...cover, id: ev.target.value === "" ? "" : Number(ev.target.value) || "", src: null })}
            errors={e.coverImageId}
            hint={<Link href="/admin/images">사진 목록에서 번호 찾기</Link>}
          />
          <label className="btn btn-file">
            사진 올리기
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp,image/avif"
              data-testid="cover-photo-input"
              onChange={(ev) => {
                const f = ev.target.files?.[0];
                ev.target.value = "";
                if (f) void pickCover(f);
              }}
            />
          </label>
          <p className="small" aria-live="polite">
            {cover.note}
          </p>
          <TextField name="coverCaption" label="사진 설명" maxLength={300} defaultValue={v?.coverCaption ?? initial.coverCaption} errors={e.coverCaption} />
        </fieldset>
      </aside>
    </form>
  );
}

const STATUS: Record<string, string> = { NEW: "새 기사", ...STATUS_LABEL };
