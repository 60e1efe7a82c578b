// Reader queries: cut, split into words, and each word turned into what the index looks up,
// what SQL rechecks and what the page highlights. One rule for all three (README, Search):
//   - the first syllable of every word may be written in either spelling (로인 = 노인);
//   - in words of three or more syllables every syllable may (국제로동절 = 국제노동절);
//   - 렬/률 and 열/율 are one syllable everywhere (비률 = 비율);
//   - otherwise a syllable matches only as written, so that 관리 does not find 기관이.
import { bigramKey, foldText, innerSpellings, spellings, titleKey, trigramKey, unigramKey } from "./normalise";

export const MAX_QUERY_LENGTH = 100;
export const MAX_WORDS = 8;

export type SearchWord = {
  /** The word as folded (NFC, lower case). */
  text: string;
  /** Allowed characters at each position (the first one is the character typed). */
  positions: string[][];
  /** Index keys: every group must have at least one key in the article's n-grams. */
  keyGroups: number[][];
  /** Keys of the word in a title (the first key group, flagged as title keys). */
  titleKeys: number[];
  /** True when the keys alone decide the match, so SQL needs no recheck of the text. */
  exact: boolean;
};

export type ParsedQuery = {
  /** What the reader typed, trimmed and cut to MAX_QUERY_LENGTH characters (for the search box). */
  text: string;
  words: SearchWord[];
  /** Characters or words beyond the limits were dropped. */
  cut: boolean;
};

/** First value of a search parameter, whatever Next hands over. */
export function firstParam(raw: string | string[] | undefined): string {
  return (Array.isArray(raw) ? raw[0] : raw) ?? "";
}

/** Cut to `max` characters (code points, so a character outside the BMP is never split).
 *  Control characters count as spaces: PostgreSQL refuses NUL in text (a 500 for `?q=%00`). */
export function cutQuery(raw: string, max = MAX_QUERY_LENGTH): { text: string; cut: boolean } {
  // eslint-disable-next-line no-control-regex
  const chars = Array.from(raw.normalize("NFC").replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").replace(/\s+/g, " ").trim());
  if (chars.length <= max) return { text: chars.join(""), cut: false };
  return { text: chars.slice(0, max).join("").trim(), cut: true };
}

function positionsOf(chars: string[]): string[][] {
  if (chars.length === 2) return [spellings(chars[0]), innerSpellings(chars[1])];
  if (chars.length >= 3) return chars.map(spellings);
  return chars.map((c, i) => (i === 0 ? spellings(c) : [c]));
}

/** Every combination of one key per position: the first character is canonical in keys. */
function keysAt(positions: string[][], start: number, length: 2 | 3): number[] {
  const first = positions[start][0];
  const out = new Set<number>();
  for (const b of positions[start + 1]) {
    if (length === 2) out.add(bigramKey(first, b));
    else for (const c of positions[start + 2]) out.add(trigramKey(first, b, c));
  }
  return [...out];
}

export function toWord(text: string): SearchWord {
  const chars = Array.from(text);
  const positions = positionsOf(chars);
  const keyGroups: number[][] = [];
  if (chars.length === 1) keyGroups.push([unigramKey(chars[0])]);
  if (chars.length === 2) keyGroups.push(keysAt(positions, 0, 2));
  for (let i = 0; i + 3 <= chars.length; i++) keyGroups.push(keysAt(positions, i, 3));
  // Up to three characters are one key: having the key is having the word. Longer words
  // need their keys in a row, which only the text can tell; characters past U+FFFF share keys.
  const bmp = chars.every((c) => c.codePointAt(0)! <= 0xffff);
  return { text, positions, keyGroups, titleKeys: keyGroups[0].map(titleKey), exact: bmp && chars.length <= 3 };
}

export function parseQuery(raw: string | string[] | undefined): ParsedQuery {
  const { text, cut } = cutQuery(firstParam(raw));
  const seen = new Set<string>();
  const words: SearchWord[] = [];
  for (const w of foldText(text).split(" ")) {
    if (!w) continue;
    const word = toWord(w);
    const sig = word.positions.map((p) => [...p].sort().join("")).join("|");
    if (seen.has(sig)) continue; // 로인 노인 is one word typed twice
    seen.add(sig);
    words.push(word);
  }
  return { text, words: words.slice(0, MAX_WORDS), cut: cut || words.length > MAX_WORDS };
}

// ------------------------------------------------------------------ patterns

/** `%`, `_` and `\` are literal characters for LIKE (whose escape character is `\`). */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** PostgreSQL regular expression (ARE): every character that is not a letter or digit escaped. */
function pgChar(c: string): string {
  return /[\p{L}\p{N}]/u.test(c) ? c : `\\${c}`;
}

/** JavaScript (u flag): only syntax characters may be escaped. */
function jsChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

function regexSource(word: SearchWord, esc: (c: string) => string): string {
  return word.positions.map((alts) => (alts.length === 1 ? esc(alts[0]) : `[${alts.map(esc).join("")}]`)).join("");
}

export function wordRegexSource(word: SearchWord): string {
  return regexSource(word, jsChar);
}

/**
 * How SQL tests one word against a folded text: a LIKE pattern when the word has one
 * spelling, else a regular expression with a class per alternating syllable.
 */
export function sqlMatcher(word: SearchWord): { op: "LIKE" | "~"; pattern: string } {
  if (word.positions.every((p) => p.length === 1)) return { op: "LIKE", pattern: `%${likeEscape(word.text)}%` };
  return { op: "~", pattern: regexSource(word, pgChar) };
}

// ------------------------------------------------------------------ highlighting

export type Range = [start: number, end: number];

/** Where the words occur in `text` (UTF-16 offsets), overlapping matches merged, in order. */
export function matchRanges(text: string, words: SearchWord[]): Range[] {
  const found: Range[] = [];
  for (const w of words) {
    const re = new RegExp(wordRegexSource(w), "giu");
    for (const m of text.matchAll(re)) found.push([m.index!, m.index! + m[0].length]);
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export type Piece = { text: string; mark: boolean };

/** `text` split into plain and matched pieces, for rendering as text nodes and <mark>. */
export function highlight(text: string, words: SearchWord[]): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const [s, e] of matchRanges(text, words)) {
    if (s > at) pieces.push({ text: text.slice(at, s), mark: false });
    pieces.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  return pieces;
}

/**
 * About `size` characters of `text` around the first match, cut at spaces, with `...` where
 * text was left out; null when no word occurs in the text.
 */
export function snippet(text: string, words: SearchWord[], size = 150): string | null {
  const first = matchRanges(text, words)[0];
  if (!first) return null;
  if (text.length <= size) return text;
  let start = Math.max(0, first[0] - Math.floor(size / 3));
  let end = Math.min(text.length, start + size);
  start = Math.max(0, end - size);
  if (start > 0) {
    const sp = text.indexOf(" ", start);
    if (sp !== -1 && sp < first[0]) start = sp + 1;
  }
  if (end < text.length) {
    const sp = text.lastIndexOf(" ", end);
    if (sp > first[1]) end = sp;
  }
  return `${start > 0 ? "..." : ""}${text.slice(start, end)}${end < text.length ? "..." : ""}`;
}
