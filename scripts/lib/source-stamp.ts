// A fingerprint of everything that goes into `next build`, so `npm start` rebuilds only
// when it changed.
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const INPUTS = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.mjs", "package-lock.json", "tsconfig.json"];
const SKIP = new Set(["generated", "node_modules"]);

function walk(path: string, out: string[]) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return;
  }
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) if (!SKIP.has(name)) walk(join(path, name), out);
  } else out.push(`${path}:${st.size}:${Math.floor(st.mtimeMs)}`);
}

export function sourceStamp(root: string): string {
  const files: string[] = [];
  for (const p of INPUTS) walk(join(root, p), files);
  return createHash("sha256").update(files.join("\n")).digest("hex").slice(0, 16);
}
