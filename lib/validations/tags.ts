// The article's "태그" field: comma-separated names, cleaned the same way for the form, the
// action and the tests (NFC, trimmed, one space between words, de-duplicated by slug).
import { z } from "zod";

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 30;

/** Control characters (NUL included, which PostgreSQL refuses in text) never belong in a tag, a caption or a search. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A tag's URL slug: the NFC name itself, lower case, spaces as "-" (readable in Korean browsers). */
export function tagSlug(name: string): string {
  return name.normalize("NFC").replace(CONTROL, " ").trim().toLowerCase().replace(/\s+/g, "-");
}

/** The names typed, in order, without empties or repeats (the first spelling wins). */
export function splitTags(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  // Full-width and ideographic commas come from Chinese and Korean keyboards.
  for (const part of raw.normalize("NFC").split(/[,，、]/)) {
    const name = part.replace(CONTROL, " ").trim().replace(/\s+/g, " ").replace(/^#/, "");
    const slug = tagSlug(name);
    if (!name || seen.has(slug)) continue;
    seen.add(slug);
    out.push(name);
  }
  return out;
}

export const tagsField = z
  .string()
  .optional()
  .transform((raw) => splitTags(raw ?? ""))
  .check((ctx) => {
    const long = ctx.value.find((t) => [...t].length > MAX_TAG_LENGTH);
    if (long) ctx.issues.push({ code: "custom", message: `태그는 ${MAX_TAG_LENGTH}자 이하로 써 주세요: ${long.slice(0, 40)}`, input: ctx.value });
    if (ctx.value.length > MAX_TAGS) ctx.issues.push({ code: "custom", message: `태그는 ${MAX_TAGS}개까지 붙일 수 있습니다.`, input: ctx.value });
  });
