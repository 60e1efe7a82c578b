// `next build` only when what goes into it changed: the sources, the database it prerendered
// from, and whatever else the caller puts in the stamp (the cluster's public URL).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NEXT_BIN } from "./logged-command";
import { sourceStamp } from "./source-stamp";

export type BuildOptions = {
  root: string;
  /** The build folder (NEXT_DIST_DIR, `.next` by default). */
  distDir: string;
  /** The environment of the build, the same as the servers'. */
  env: NodeJS.ProcessEnv;
  /** What else decides whether the last build still fits (the database's identity...). */
  stampExtra: string;
  log: (m: string) => void;
};

/** Builds into `distDir` unless its stamp says the build there is current; true when it built. */
export function ensureProductionBuild(o: BuildOptions): boolean {
  const stampFile = join(o.root, o.distDir, "portal-build-stamp");
  const stamp = `${sourceStamp(o.root)} ${o.stampExtra}`;
  if (existsSync(join(o.root, o.distDir, "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return false;
  o.log(`building the production app into ${o.distDir}/ (first start, changed sources or another database)...`);
  // Next keeps its data cache across builds; entries read from another database must go.
  rmSync(join(o.root, o.distDir, "cache", "fetch-cache"), { recursive: true, force: true });
  const restoreTsconfig = keepTsconfig(o.root);
  const b = spawnSync(process.execPath, [...NEXT_BIN, "build"], { stdio: "inherit", env: o.env, cwd: o.root });
  restoreTsconfig();
  if (b.status !== 0) throw new Error("next build failed");
  writeFileSync(stampFile, stamp);
  return true;
}

/**
 * next build adds its build folder's type files to tsconfig.json; a build folder other than
 * .next (the cluster's, the page audit's) would leave the repository changed. Call before the
 * build; the function returned puts the file back, with its times (they are part of the
 * stamp: unchanged, no rebuild next time). Calling it twice is harmless.
 */
export function keepTsconfig(root: string): () => void {
  const tsconfig = join(root, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  const { atime, mtime } = statSync(tsconfig);
  return () => {
    if (readFileSync(tsconfig, "utf8") === before) return;
    writeFileSync(tsconfig, before);
    utimesSync(tsconfig, atime, mtime);
  };
}
