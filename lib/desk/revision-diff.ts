// A revision compared with the current article, word by word (jsdiff): title,
// subtitle and the body as text, one paragraph a line. Pure, so unit tests cover it.
import { diffArrays } from "diff";
import { htmlToText } from "../format";

export type DiffPart = { kind: "same" | "ins" | "del"; text: string };
export type FieldDiff = { field: "title" | "subtitle" | "body"; label: string; parts: DiffPart[] | null; changed: boolean };

// Korean words, not syllables: jsdiff's diffWords counts only Latin letters as word
// characters (Hangul would be compared one syllable at a time, "인" → "안" inside 인구는),
// and Intl.Segmenter takes seconds on a long article. So the text is cut here into words
// (runs of letters, marks and digits of any script), runs of spaces and single other
// characters, and jsdiff compares those arrays.
const TOKENS = /[\p{L}\p{M}\p{N}_]+|\s+|[^\p{L}\p{M}\p{N}_\s]/gu;
const tokens = (s: string) => s.match(TOKENS) ?? [];

// Bounds the work on two very different long bodies (jsdiff gives up and returns undefined):
// a few hundred changed words are readable as a diff, thousands are not.
const MAX_EDIT_LENGTH = 1000;

/** The body's text with a line per paragraph, heading, list item, quote or caption. */
export function bodyText(html: string): string {
  return html
    .split(/<\/(?:p|h[1-6]|li|blockquote|figcaption|tr|pre)>|<br\s*\/?>/i)
    .map((part) => htmlToText(part.replace(/<figcaption[^>]*>/gi, "")))
    .filter(Boolean)
    .join("\n");
}

/** `from` (the revision) → `to` (the article now): what was deleted and inserted since. Null when too different to diff. */
export function diffText(from: string, to: string): DiffPart[] | null {
  if (from === to) return from ? [{ kind: "same", text: from }] : [];
  const changes = diffArrays(tokens(from), tokens(to), { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return null;
  return changes.map((c) => ({ kind: c.added ? "ins" : c.removed ? "del" : "same", text: c.value.join("") }));
}

type Text = { title: string; subtitle: string | null; body: string };

/** How the article reads now compared with this revision. */
export function revisionDiff(rev: Text, now: Text): FieldDiff[] {
  const fields: [FieldDiff["field"], string, string, string][] = [
    ["title", "제목", rev.title, now.title],
    ["subtitle", "부제목", rev.subtitle ?? "", now.subtitle ?? ""],
    ["body", "본문", bodyText(rev.body), bodyText(now.body)],
  ];
  return fields.map(([field, label, a, b]) => ({ field, label, parts: diffText(a, b), changed: a !== b }));
}
