"use client";
// The moderation page's two forms that take typed input: the banned-words list and a block
// by address. Plain forms (they work without JavaScript); on an error each keeps what was
// typed and shows the message next to its field.
import { useActionState } from "react";
import type { FormState } from "@/lib/actions/safe-action";
import { ActionResult } from "./action-result";
import { hydratedAttr, useHydrated } from "@/lib/use-hydrated";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

const Result = ({ state, id }: { state: FormState; id: string }) => <ActionResult state={state} as="p" id={id} />;

function FieldErr({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <span id={id} className="field-error small">
      {messages.join(" ")}
    </span>
  );
}

export function BannedWordsForm({ action, initial }: { action: Action; initial: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const hydrated = useHydrated();
  const err = state.errors?.words;
  return (
    <form action={formAction} className="banned-words-form" {...hydratedAttr(hydrated)}>
      <label htmlFor="banned-words">
        금지어 <span className="small muted">(쉼표나 줄바꿈으로 나눔. 띄어쓰기·문장부호·대소문자와 관계없이 새 댓글에서 거릅니다.)</span>
      </label>
      <textarea
        id="banned-words"
        name="words"
        rows={4}
        maxLength={6000}
        defaultValue={state.ok === false ? (state.values?.words ?? initial) : initial}
        key={state.ok ? `saved-${state.message}` : "edit"}
        aria-invalid={err ? true : undefined}
        aria-describedby={err ? "banned-words-error" : undefined}
      />
      <FieldErr id="banned-words-error" messages={err} />
      <button type="submit" className="btn" disabled={pending}>
        금지어 저장
      </button>
      <Result state={state} id="banned-words-result" />
    </form>
  );
}

export function BlockAddressForm({ action, reasons, days }: { action: Action; reasons: Record<string, string>; days: readonly number[] }) {
  const [state, formAction, pending] = useActionState(action, {});
  const hydrated = useHydrated();
  const v = state.ok === false ? (state.values ?? {}) : {};
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="filters block-address-form" key={state.ok ? `ok-${state.message}` : "edit"} {...hydratedAttr(hydrated)}>
      <label>
        <span>IP 주소</span>
        <input name="ip" defaultValue={v.ip ?? ""} maxLength={60} placeholder="203.0.113.7" aria-invalid={e.ip ? true : undefined} aria-describedby="block-ip-error" />
        <FieldErr id="block-ip-error" messages={e.ip} />
      </label>
      <label>
        <span>사유</span>
        <select name="reasonCode" defaultValue={v.reasonCode ?? "spam"}>
          {Object.entries(reasons).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>사유 덧붙임</span>
        <input name="reason" defaultValue={v.reason ?? ""} maxLength={200} aria-describedby="block-reason-error" />
        <FieldErr id="block-reason-error" messages={e.reason} />
      </label>
      <label>
        <span>기간</span>
        <select name="days" defaultValue={v.days ?? "7"}>
          {days.map((d) => (
            <option key={d} value={d}>
              {d === 365 ? "1년" : `${d}일`}
            </option>
          ))}
        </select>
      </label>
      <label className="small">
        <input type="checkbox" name="hideAll" defaultChecked={v.hideAll === "on"} /> 이 주소의 댓글 모두 숨기기
      </label>
      <button type="submit" className="btn btn-danger" disabled={pending}>
        주소 차단
      </button>
      <Result state={state} id="block-address-result" />
    </form>
  );
}
