// The plumbing of every newsroom action, written once: form → zod → session and role → core
// function → cache tags → redirect or result. An action is defined in ./core as data (roles,
// zod schema, `run(actor, input)`); `runAction` checks the actor, the role and the input
// before `run` (the integration tests call it with any actor), and `perform` is what the
// "use server" wrappers call: it finds this request's actor, runs the definition, applies the
// tags with updateTag (read-your-own-writes, once the replicas have replayed the write),
// re-arms every instance's scheduler and redirects or answers the form's state for
// useActionState (a plain <form> without JavaScript gets the same).
// Not next-safe-action: its result ({ data, validationErrors, serverError }) is not the
// FormState the admin forms render (typed values echoed back, status, Korean message), the
// tests run definitions with any actor through runAction, and the glue around it would be
// this file again.
import "server-only";
import { z } from "zod";
import { refresh, updateTag } from "next/cache";
import { redirect } from "next/navigation";
import type { Actor, Role } from "../auth/roles";
import { getActor } from "../auth/session";
import { awaitReplicas } from "../replicas/fence";
import { scheduleChanged } from "../scheduler";

export type FieldErrors = Record<string, string[] | undefined>;

/** What a form shows after its action: a message, errors next to fields, what was typed. */
export type FormState<D = unknown> = {
  ok?: boolean;
  status?: number;
  message?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  data?: D;
};

export type Outcome<D = unknown> =
  | { ok: true; message: string; tags: string[]; data?: D; redirect?: string; rearm?: boolean }
  | { ok: false; status: number; message: string; errors?: FieldErrors };

export type ActionDef<S extends z.ZodType, D> = {
  name: string;
  roles: Role[];
  schema: S;
  run: (actor: Actor, input: z.infer<S>) => Promise<Outcome<D>>;
};

export function defineAction<S extends z.ZodType, D = unknown>(def: ActionDef<S, D>): ActionDef<S, D> {
  return def;
}

export const fail = (status: number, message: string, errors?: FieldErrors): Outcome<never> => ({ ok: false, status, message, errors });
export const done = <D>(message: string, tags: string[] = [], extra: { data?: D; redirect?: string; rearm?: boolean } = {}): Outcome<D> => ({
  ok: true,
  message,
  tags,
  ...extra,
});

export const MESSAGES = {
  signIn: "로그인이 필요합니다.",
  forbidden: "이 작업을 할 권한이 없습니다.",
  invalid: "입력한 내용을 확인해 주세요.",
  notFound: "찾을 수 없습니다.",
  failed: "저장하지 못했습니다. 잠시 후 다시 시도해 주세요.",
} as const;

/** The input parsed by `schema`, or the errors per field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: z.flattenError(parsed.error).fieldErrors as FieldErrors };
}

export async function runAction<S extends z.ZodType, D>(def: ActionDef<S, D>, actor: Actor | null, raw: unknown): Promise<Outcome<D>> {
  if (!actor) return fail(401, MESSAGES.signIn);
  if (!def.roles.includes(actor.role)) return fail(403, MESSAGES.forbidden);
  const input = parseInput(def.schema, raw);
  if (!input.ok) return fail(400, MESSAGES.invalid, input.errors);
  return def.run(actor, input.data);
}

/** FormData as a plain object; repeated names become arrays. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of form.entries()) {
    if (k.startsWith("$ACTION")) continue; // React's own fields
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

const SECRET_FIELDS = new Set(["password", "current"]);

/** What the user typed, to refill the form after an error (never passwords). */
export function echo(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !SECRET_FIELDS.has(k) && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

/** Runs `def` for this request's actor. `quiet`: do not re-render the current admin page afterwards (autosave). */
export async function perform<S extends z.ZodType, D>(
  def: ActionDef<S, D>,
  input: FormData | Record<string, unknown>,
  opts: { quiet?: boolean } = {},
): Promise<FormState<D>> {
  const actor = await getActor();
  const values = input instanceof FormData ? echo(input) : undefined;
  let r;
  try {
    r = await runAction(def, actor, input instanceof FormData ? formToObject(input) : input);
  } catch (e) {
    console.error(`[admin] action ${def.name} failed`, e); // never shown: raw errors stay in the log
    return { ok: false, status: 500, message: MESSAGES.failed, values };
  }
  if (!r.ok) return { ok: false, status: r.status, message: r.message, errors: r.errors, values };
  // Pages re-render from replicas too: they must have replayed this write first.
  if (r.tags.length) await awaitReplicas();
  for (const tag of r.tags) updateTag(tag);
  if (r.rearm) scheduleChanged();
  if (r.redirect) redirect(r.redirect);
  // Admin pages are dynamic: this re-renders the one on screen (status badges, lists) while
  // client state such as the editor's text stays as it is.
  if (!opts.quiet) refresh();
  return { ok: true, message: r.message, data: r.data };
}
