// Components keep their styles in a .css file beside them, and the reader's pages load them
// through one list (app/(site)/reader.css, plus app/globals.css for the article's text shared
// with the newsroom). A stylesheet missing from the lists would silently never load.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const LISTS = ["app/globals.css", "app/(site)/reader.css", "app/(admin)/admin/newsroom.css"];

function imported(list: string): string[] {
  const text = readFileSync(join(root, list), "utf8");
  return [...text.matchAll(/@import\s+"([^"]+)";/g)].map((m) => relative(root, resolve(dirname(join(root, list)), m[1])));
}

function cssFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".css"))
    .map((f) => join(dir, f));
}

describe("stylesheets of readers and the newsroom", () => {
  it("lists every component's and reader page's stylesheet exactly once, and nothing that is not there", () => {
    const listed = LISTS.flatMap(imported);
    for (const f of listed) expect(existsSync(join(root, f)), f).toBe(true);
    const own = [
      ...cssFiles("components"),
      ...cssFiles("app/(site)").filter((f) => f !== "app/(site)/reader.css"),
      ...cssFiles("app/(admin)").filter((f) => f !== "app/(admin)/admin/newsroom.css"),
    ];
    expect([...listed].sort()).toEqual([...own].sort());
  });

  it("keeps component styles out of components' imports (each would be a render-blocking stylesheet of its own)", () => {
    const sources = [...readdirSync(join(root, "components"), { recursive: true, encoding: "utf8" })].filter((f) => /\.tsx?$/.test(f));
    for (const f of sources) expect(readFileSync(join(root, "components", f), "utf8"), f).not.toMatch(/^import\s+"[^"]+\.css";/m);
  });
});
