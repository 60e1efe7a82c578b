// Runs an action definition for the signed-in actor of this request and applies its cache
// tags with updateTag (read-your-own-writes: the next request renders fresh).
import "server-only";
import { refresh, updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "../auth/session";
import { armScheduler } from "../scheduler";
import { formToObject, runAction, type ActionDef, type FieldErrors } from "./safe-action";
import type { z } from "zod";

export type FormState<D = unknown> = {
  ok?: boolean;
  status?: number;
  message?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  data?: D;
};

const SECRET_FIELDS = new Set(["password", "current"]);

/** What the user typed, to refill the form after an error (never passwords). */
export function echo(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !SECRET_FIELDS.has(k) && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

/** `quiet`: do not re-render the current admin page afterwards (autosave). */
export async function perform<S extends z.ZodType, D>(
  def: ActionDef<S, D>,
  input: FormData | Record<string, unknown>,
  opts: { quiet?: boolean } = {},
): Promise<FormState<D>> {
  const actor = await getActor();
  const raw = input instanceof FormData ? formToObject(input) : input;
  let r;
  try {
    r = await runAction(def, actor, raw);
  } catch (e) {
    console.error(`[admin] action ${def.name} failed`, e);
    return { ok: false, status: 500, message: "저장하지 못했습니다. 잠시 후 다시 시도해 주세요.", values: input instanceof FormData ? echo(input) : undefined };
  }
  if (!r.ok) return { ok: false, status: r.status, message: r.message, errors: r.errors, values: input instanceof FormData ? echo(input) : undefined };
  for (const tag of r.tags) updateTag(tag);
  if (r.rearm) void armScheduler().catch((e) => console.error("[scheduler] re-arm failed", e));
  if (r.redirect) redirect(r.redirect);
  // Admin pages are dynamic: this re-renders the one on screen (status badges, lists) while
  // client state such as the editor's text stays as it is.
  if (!opts.quiet) refresh();
  return { ok: true, message: r.message, data: r.data };
}
