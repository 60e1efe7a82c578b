// A revision against the article as it is now: <del> what the revision had and the article no
// longer has, <ins> what the article has gained since. All of it is text (React escapes it):
// a revision's words are shown, never its markup.
import type { FieldDiff } from "@/lib/desk/revision-diff";

export function RevisionDiff({ diffs }: { diffs: FieldDiff[] }) {
  return (
    <section className="revision-diff" data-testid="revision-diff" aria-label="지금 기사와 비교">
      <p className="muted small">
        이 판과 지금 기사의 차이: <del>지워진 말</del>은 이 판에만, <ins>들어간 말</ins>은 지금 기사에만 있습니다.
      </p>
      {diffs.map((d) => (
        <div key={d.field}>
          <h3>
            {d.label} {!d.changed && <span className="muted small">(같음)</span>}
          </h3>
          <div className="diff-text" data-field={d.field}>
            {d.parts === null
              ? "차이가 너무 커서 낱말 단위로 비교하지 않습니다."
              : d.parts.map((p, i) => (p.kind === "ins" ? <ins key={i}>{p.text}</ins> : p.kind === "del" ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
          </div>
        </div>
      ))}
    </section>
  );
}
