// Who may read from a replica (lib/read-db.ts): only the reader pages' data modules. Every
// write, and every read that must see a write just made (the newsroom, comments, view
// beacons, captcha, sign-in, limits, settings and secrets, the 410 set, the schedule) stays
// on the primary, which a replica a moment behind would otherwise break without a sound.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatLsn, parseLsn } from "@/lib/replicas/lsn";

const root = resolve(import.meta.dirname, "../..");
const READERS = ["articles", "article-context", "article-exists", "article-seo", "feeds", "gnuboard", "home", "legacy", "list-months", "search", "sections", "sitemaps", "status-page", "tags"].map((m) => `lib/data/${m}.ts`);

function sources(): string[] {
  const out: string[] = ["proxy.ts", "instrumentation.ts"];
  for (const dir of ["app", "lib", "components"]) {
    for (const f of readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })) {
      if (/\.(ts|tsx)$/.test(f) && !f.startsWith("generated")) out.push(join(dir, f));
    }
  }
  return out;
}
const importsOf = (file: string) => [...readFileSync(join(root, file), "utf8").matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);

describe("the replica client", () => {
  const files = sources();

  it("is imported by the reader pages' data modules and by nothing else (actions, newsroom, comments, auth, limits)", () => {
    const users = files.filter((f) => importsOf(f).some((i) => /(^|\/)read-db$/.test(i)));
    expect(users.sort()).toEqual(READERS.sort());
  });

  it("is what those modules read with: apart from the newsroom's section list, none reads the primary", () => {
    for (const f of READERS.filter((r) => r !== "lib/data/sections.ts")) {
      expect(importsOf(f), relative(root, join(root, f))).not.toContain("../db");
    }
  });
});

describe("WAL positions", () => {
  it("compare as numbers, not as text", () => {
    expect(parseLsn("0/9FFFFFF")! < parseLsn("0/A000000")!).toBe(true);
    expect(parseLsn("1/0")! > parseLsn("0/FFFFFFFF")!).toBe(true);
    expect(parseLsn(null)).toBeNull();
    expect(formatLsn(parseLsn("16/B374D848")!)).toBe("16/B374D848");
    expect(() => parseLsn("garbage")).toThrow();
  });
});
