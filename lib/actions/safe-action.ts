// The one shape of every admin action: roles allowed, a zod schema for the input, and the
// work itself as a plain function of (actor, input). `runAction` checks the actor and the
// role and parses the input before the work runs; the "use server" wrappers (perform.ts)
// only find the signed-in actor, call it and apply the cache tags it returns, so the
// integration tests can call the same definitions as anonymous, reporter or editor.
import { z } from "zod";
import type { Actor, Role } from "../auth/roles";

export type FieldErrors = Record<string, string[] | undefined>;

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
} as const;

export async function runAction<S extends z.ZodType, D>(def: ActionDef<S, D>, actor: Actor | null, raw: unknown): Promise<Outcome<D>> {
  if (!actor) return fail(401, MESSAGES.signIn);
  if (!def.roles.includes(actor.role)) return fail(403, MESSAGES.forbidden);
  const parsed = def.schema.safeParse(raw);
  if (!parsed.success) return fail(400, MESSAGES.invalid, z.flattenError(parsed.error).fieldErrors as FieldErrors);
  return def.run(actor, parsed.data);
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
