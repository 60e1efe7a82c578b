// The body editor (Tiptap, ProseMirror: a few hundred kB) is for the newsroom only: no module
// a reader page imports, directly or through others, may reach it. Walks the import graph
// from every file under app/(site) and the app's root layout.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const EXT = ["", ".ts", ".tsx", ".js", ".mjs", "/index.ts", "/index.tsx"];

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? join(root, spec.slice(2)) : spec.startsWith(".") ? resolve(dirname(from), spec) : null;
  if (!base) return null;
  for (const e of EXT) if (existsSync(base + e) && statSync(base + e).isFile()) return base + e;
  return null;
}

/** Every package and project file `entry` reaches through static and dynamic imports. */
function reach(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [...entries];
  while (todo.length) {
    const f = todo.pop()!;
    if (files.has(f) || !/\.(tsx?|m?js)$/.test(f)) continue;
    files.add(f);
    const src = readFileSync(f, "utf8");
    for (const m of src.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const file = resolveImport(f, spec);
      if (file) todo.push(file);
      else if (!spec.startsWith(".") && !spec.startsWith("@/")) packages.add(spec);
    }
  }
  return { files, packages };
}

const walk = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .map((f) => join(root, dir, f))
    .filter((f) => /\.(tsx?)$/.test(f));

describe("the editor stays out of reader pages", () => {
  it("no reader page, layout or component they use imports Tiptap or the newsroom's editor", () => {
    const { files, packages } = reach([...walk("app/(site)"), join(root, "app/layout.tsx")]);
    expect(files.size).toBeGreaterThan(10); // the walk found the pages' modules
    expect([...packages].filter((p) => p.startsWith("@tiptap") || p.startsWith("prosemirror"))).toEqual([]);
    const admin = [...files].map((f) => relative(root, f)).filter((f) => f.startsWith("components/admin/") || f.startsWith("lib/editor/paste"));
    expect(admin).toEqual([]);
  });

  it("the newsroom's article form does reach it (the walk would notice)", () => {
    const { packages } = reach([join(root, "components/admin/article-form.tsx")]);
    expect(packages.has("@tiptap/react")).toBe(true);
  });
});
