// Shown instead of a page the signed-in role may not use.
export function Forbidden({ what }: { what: string }) {
  return (
    <div className="notice is-error" role="alert">
      <h1>권한이 없습니다</h1>
      <p>{what}</p>
    </div>
  );
}
