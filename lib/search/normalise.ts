// The initial-sound rule (두음법칙) as arithmetic on Hangul syllables, so that a word in
// Chinese-Korean spelling (로인, 리용, 련속, 녀성) and in Seoul spelling (노인, 이용, 연속,
// 여성) is one word to the search. The SQL side (prisma/migrations/20261128020000_search)
// implements `canonicalSyllable` identically; tests/unit/search-normalise.test.ts and
// tests/int/search.test.ts hold the two to each other.

const BASE = 0xac00;
const LAST = 0xd7a3;
const PER_INITIAL = 588; // 21 medials × 28 finals
const PER_MEDIAL = 28;

// Initial consonants by index: ㄱ0 ㄲ1 ㄴ2 ㄷ3 ㄸ4 ㄹ5 ... ㅇ11.
const NIEUN = 2;
const RIEUL = 5;
const IEUNG = 11;

// Medials that begin with a y-glide, plus ㅣ: ㅑ2 ㅒ3 ㅕ6 ㅖ7 ㅛ12 ㅠ17 ㅣ20.
// Word-initial ㄹ before them is dropped (리→이, 료→요), ㄴ before ㅕㅖㅛㅠㅣ too (녀→여).
const RIEUL_TO_IEUNG = new Set([2, 3, 6, 7, 12, 17, 20]);
const NIEUN_TO_IEUNG = new Set([6, 7, 12, 17, 20]);

export function isHangulSyllable(cp: number): boolean {
  return cp >= BASE && cp <= LAST;
}

/**
 * The Seoul (initial-sound-rule) form of one syllable: ㄹ+ㅑㅒㅕㅖㅛㅠㅣ → ㅇ, other ㄹ → ㄴ,
 * ㄴ+ㅕㅖㅛㅠㅣ → ㅇ; everything else unchanged. 로→노, 리→이, 력→역, 녀→여, 라→나, 률→율.
 */
export function canonicalSyllable(cp: number): number {
  if (!isHangulSyllable(cp)) return cp;
  const s = cp - BASE;
  const initial = Math.floor(s / PER_INITIAL);
  const medial = Math.floor((s % PER_INITIAL) / PER_MEDIAL);
  if (initial === RIEUL) return cp + ((RIEUL_TO_IEUNG.has(medial) ? IEUNG : NIEUN) - RIEUL) * PER_INITIAL;
  if (initial === NIEUN && NIEUN_TO_IEUNG.has(medial)) return cp + (IEUNG - NIEUN) * PER_INITIAL;
  return cp;
}

/** Every spelling of `ch` under the rule, `ch` first: 이 → [이, 리, 니], 로 → [로, 노], 경 → [경]. */
export function spellings(ch: string): string[] {
  const cp = ch.codePointAt(0)!;
  if (!isHangulSyllable(cp)) return [ch];
  const s = cp - BASE;
  const rest = s % PER_INITIAL;
  const canon = canonicalSyllable(cp);
  const out = [ch];
  for (const initial of [RIEUL, NIEUN, IEUNG]) {
    const other = BASE + initial * PER_INITIAL + rest;
    if (other !== cp && canonicalSyllable(other) === canon) out.push(String.fromCodePoint(other));
  }
  return out;
}

// Seoul spelling also writes 렬/률 as 열/율 inside words after a vowel or ㄴ (비율, 나열);
// Chinese-Korean keeps 렬/률 (비률, 라렬). These two pairs alternate at any position.
const INNER_PAIRS = new Map([
  ["렬", "열"],
  ["열", "렬"],
  ["률", "율"],
  ["율", "률"],
]);

/** Spellings allowed for a syllable inside a two-syllable word (see query.ts for the rule). */
export function innerSpellings(ch: string): string[] {
  const other = INNER_PAIRS.get(ch);
  return other ? [ch, other] : [ch];
}

/** What both the index and the query compare: NFC, lower case, whitespace collapsed. */
export function foldText(s: string): string {
  return s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** One character of the folded text as the 16-bit unit stored in the n-gram keys. */
function unit(ch: string, canonical: boolean): number {
  const cp = ch.codePointAt(0)!;
  return (canonical ? canonicalSyllable(cp) : cp) & 0xffff;
}

/** Index key of one character (in canonical form): bit 32 set, above every bigram key. */
export function unigramKey(a: string): number {
  return 2 ** 32 + unit(a, true);
}

/**
 * Index key of two adjacent characters: the first in canonical form (so that the first
 * syllable of a query word may be spelt either way), the second as written. Same
 * arithmetic as `search_keys` in SQL; characters beyond U+FFFF share keys (harmless: the
 * query rechecks words that contain them).
 */
export function bigramKey(a: string, b: string): number {
  return unit(a, true) * 0x10000 + unit(b, false);
}

/** Key of three adjacent characters (first canonical), above every bigram key (bit 48 set). */
export function trigramKey(a: string, b: string, c: string): number {
  return 2 ** 48 + unit(a, true) * 2 ** 32 + unit(b, false) * 0x10000 + unit(c, false);
}

/** A key of the title, stored a second time with bit 50 set, so the index finds title matches. */
export function titleKey(key: number): number {
  return key + 2 ** 50;
}

/**
 * The keys `search_keys` (SQL) stores for a folded text, sorted: every character, and every
 * two and three adjacent characters not crossing a space. Used by the tests to hold the
 * two implementations together.
 */
export function textKeys(folded: string): number[] {
  const c = Array.from(folded);
  const keys = new Set<number>();
  for (let i = 0; i < c.length; i++) {
    if (c[i] === " ") continue;
    keys.add(unigramKey(c[i]));
    if (i + 1 < c.length && c[i + 1] !== " ") {
      keys.add(bigramKey(c[i], c[i + 1]));
      if (i + 2 < c.length && c[i + 2] !== " ") keys.add(trigramKey(c[i], c[i + 1], c[i + 2]));
    }
  }
  return [...keys].sort((a, b) => a - b);
}
