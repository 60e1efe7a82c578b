// A throwaway folder for a script's run (the benchmark, the page audit) and the steps that undo
// what the run started, last first: the folder goes last. Ctrl-C runs them too.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type Cleanup = () => Promise<unknown> | unknown;

export function workFolder(prefix: string, log: (m: string) => void) {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(tmp, 0o755); // as root, postgres runs as `postgres`, who must reach db/ inside
  const cleanups: Cleanup[] = [() => rmSync(tmp, { recursive: true, force: true })];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch((e) => log(`cleanup: ${(e as Error).message}`));
    cleanups.length = 0;
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));
  return { tmp, cleanups, cleanup };
}
