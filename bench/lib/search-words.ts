// Search queries: the three the table reports (one two-syllable word, another, and two
// words), and a pool of distinct ones for cold-latency percentiles.
const WORDS = ["경제", "학교", "연길", "문화", "교육", "축구", "농업", "관광", "병원", "기업", "주민", "행사", "발전", "투자", "시장", "기술", "환경", "건설", "조선족", "연변", "대학", "청년", "노인", "정책", "공연"];

export const SEARCH_WORDS = { bench: ["경제", "학교", "연길 학교"] } as const;

/** `count` distinct queries (none of the table's, which are cached by then): words, then pairs. */
export function searchQueries(count: number): string[] {
  const bench: readonly string[] = SEARCH_WORDS.bench;
  const out: string[] = WORDS.filter((w) => !bench.includes(w));
  for (let i = 0; i < WORDS.length && out.length < count; i++)
    for (let j = 0; j < WORDS.length && out.length < count; j++) if (i !== j && !bench.includes(`${WORDS[i]} ${WORDS[j]}`)) out.push(`${WORDS[i]} ${WORDS[j]}`);
  return out.slice(0, count);
}

/** `count` queries of `words` two-syllable words each (one word: the pool in turn; two: distinct pairs, last word first). */
export function searchWordQueries(words: 1 | 2, count: number): string[] {
  const two = WORDS.filter((w) => w.length === 2);
  if (words === 1) return Array.from({ length: count }, (_, i) => two[i % two.length]);
  const out: string[] = [];
  for (let i = two.length - 1; i >= 0 && out.length < count; i--)
    for (let j = 0; j < two.length && out.length < count; j++) if (i !== j) out.push(`${two[i]} ${two[j]}`);
  return out;
}
