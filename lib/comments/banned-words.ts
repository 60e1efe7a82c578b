// The banned-words list (금지어, GnuBoard's cf_filter) as pure functions: how the list is
// written (one setting, words separated by commas or lines) and how a comment is matched
// against it. Matching folds both sides the same way: NFC (a word typed in decomposed
// jamo is the same word), lower case, and every character that is not a letter or a digit
// dropped, so "바 보", "바.보" and "ＢＡＤ" spelt with spaces cannot slip through.

/** The setting's key in the `settings` table. */
export const BANNED_WORDS_SETTING = "comment_banned_words";
export const BANNED_WORDS_MAX = 300;
export const BANNED_WORD_LENGTH = 30;
export const BANNED_TEXT_MAX = 6000;

/** Letters and digits only, NFC, lower case (full-width Latin folded by NFKC first). */
export function compact(s: string): string {
  return s
    .normalize("NFKC")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The words of the setting's text, in the order written, each once; blanks dropped. */
export function parseBannedWords(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.normalize("NFC").split(/[,\n\r]+/)) {
    const w = raw.replace(/\s+/g, " ").trim();
    const key = compact(w);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(w);
  }
  return out;
}

/** The first banned word (as written in the list) found in any of `texts`, or null. */
export function findBannedWord(texts: string[], words: string[]): string | null {
  if (words.length === 0) return null;
  const hay = texts.map(compact);
  for (const w of words) {
    const needle = compact(w);
    if (needle && hay.some((h) => h.includes(needle))) return w;
  }
  return null;
}

/** 은 after a final consonant, 는 after a vowel, 은(는) when the word does not end in Hangul. */
function topicParticle(word: string): string {
  const last = word.codePointAt(word.length - 1) ?? 0;
  if (last < 0xac00 || last > 0xd7a3) return "은(는)";
  return (last - 0xac00) % 28 === 0 ? "는" : "은";
}

export function bannedMessage(word: string): string {
  return `'${word}'${topicParticle(word)} 쓸 수 없는 낱말입니다.`;
}
