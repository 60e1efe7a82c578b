// Every admin page checks the session itself (the layout alone is not a guard), and every
// server-action module of the admin goes through perform(), which checks the actor and role.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string, name: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, name) : name.test(f) ? [p] : [];
  });
}

describe("admin guards", () => {
  const pages = files("app/(admin)/admin/(staff)", /^page\.tsx$/);

  it("finds the admin pages", () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
  });

  it.each(pages)("%s calls requireActor before reading anything", (p) => {
    expect(readFileSync(p, "utf8")).toMatch(/await requireActor\(/);
  });

  it("every exported admin server action runs through perform()", () => {
    for (const f of ["articles", "moderation", "sections", "users"]) {
      const src = readFileSync(`lib/actions/${f}.ts`, "utf8");
      const exported = [...src.matchAll(/export async function (\w+)/g)].length;
      expect(exported).toBeGreaterThan(0);
      expect([...src.matchAll(/(?:return|= await) perform\(/g)].length).toBe(exported);
    }
  });
});
