// Text with the searched words in <mark>: split into text nodes, never parsed as markup.
import { highlight, type SearchWord } from "@/lib/search/query";

export function Highlighted({ text, words }: { text: string; words: SearchWord[] }) {
  return (
    <>
      {highlight(text, words).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}
    </>
  );
}
