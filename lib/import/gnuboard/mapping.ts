// The operator's mapping file (--map FILE): which section each board becomes, so boards can be
// renamed and several merged into one. Boards not named keep their own name and id as slug.
import { readFileSync } from "node:fs";
import { z } from "zod";

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const entry = z.object({
  section: z.string().regex(SLUG, "section must be a slug: lower-case letters, digits and -"),
  name: z.string().trim().min(1).max(40).optional(),
});
export const mappingSchema = z.record(z.string().regex(/^[0-9A-Za-z_]{1,64}$/, "board ids are letters, digits and _"), entry);
export type BoardMapping = z.infer<typeof mappingSchema>;
export type SectionTarget = { slug: string; name: string };

export function readMapping(file: string): BoardMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`cannot read the mapping file ${file}: ${(e as Error).message}`);
  }
  const r = mappingSchema.safeParse(raw);
  if (!r.success) throw new Error(`mapping file ${file}: ${z.prettifyError(r.error)}`);
  return r.data;
}

/** The section a board goes to: the mapping's, else its own id (as a slug) and subject. */
export function sectionFor(board: string, subject: string, mapping: BoardMapping): SectionTarget {
  const m = mapping[board];
  const slug = m?.section ?? (board.toLowerCase().replace(/_/g, "-").replace(/^-+/, "") || "board");
  // A merged board with no name of its own takes its target's name when another entry gives one.
  const name = m?.name ?? Object.values(mapping).find((e) => e.section === slug && e.name)?.name ?? subject;
  return { slug, name: name.slice(0, 40) };
}
