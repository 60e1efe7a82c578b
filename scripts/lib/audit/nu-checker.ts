// The Nu HTML checker (npm vnu-jar) run with the machine's Java on pages saved as files: one
// JVM start for all of them.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export type NuMessage = { type: string; subType?: string; message: string; line?: number; column?: number; extract?: string };
export type NuReport = { errors: NuMessage[]; warnings: NuMessage[]; info: NuMessage[] };

/** Throws a message saying what to install when `java -version` does not run. */
export function checkJava(): string {
  const r = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    throw new Error(
      `\`java -version\` failed (${r.error?.message ?? `exit ${r.status}`}): the Nu HTML checker needs Java 11 or newer. ` +
        "Install it (Debian: `apt-get install -y default-jre-headless`) and try again.",
    );
  }
  return (r.stderr || r.stdout).split("\n")[0].trim();
}

const vnuJar = () => String(createRequire(import.meta.url)("vnu-jar"));

/** Checks every page (name → HTML); a page's messages keyed by its name. */
export function nuCheck(pages: Record<string, string>, dir: string): Record<string, NuReport> {
  const files = Object.fromEntries(Object.entries(pages).map(([name, html]) => [name, join(dir, `${name}.html`)]));
  for (const [name, file] of Object.entries(files)) writeFileSync(file, pages[name]);
  const r = spawnSync("java", ["-jar", vnuJar(), "--format", "json", "--stdout", "--exit-zero-always", ...Object.values(files)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`vnu.jar failed (exit ${r.status ?? r.signal}): ${r.stderr.trim() || r.error?.message}`);
  const out = JSON.parse(r.stdout) as {
    messages: { type: string; subType?: string; url?: string; message: string; lastLine?: number; firstColumn?: number; extract?: string }[];
  };
  const byUrl = new Map(Object.entries(files).map(([name, file]) => [pathToFileURL(file).href, name]));
  const reports: Record<string, NuReport> = Object.fromEntries(Object.keys(pages).map((n) => [n, { errors: [], warnings: [], info: [] }]));
  for (const m of out.messages) {
    const name = (m.url && byUrl.get(m.url.replace(/^file:\/(?!\/)/, "file:///"))) ?? m.url ?? "?";
    const report = (reports[name] ??= { errors: [], warnings: [], info: [] });
    const msg: NuMessage = { type: m.type, message: m.message, line: m.lastLine, column: m.firstColumn, extract: m.extract };
    if (m.subType) msg.subType = m.subType;
    // "error" and "non-document-error" (the file could not be read) fail; "info" is a warning
    // when its subType says so, else a note.
    if (m.type !== "info") report.errors.push(msg);
    else if (m.subType === "warning") report.warnings.push(msg);
    else report.info.push(msg);
  }
  return reports;
}
