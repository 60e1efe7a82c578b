// Outside tools the scripts need (Chromium and xmllint for the tests, wrk and nginx for the
// benchmark) come from Debian's packages: found where they are, installed when missing and we
// are root, otherwise a clear message says what to install.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export type Tool = {
  /** Command name looked up on PATH. */
  bin: string;
  /** Where Debian puts it, for a PATH that lacks sbin. */
  paths?: readonly string[];
  /** The Debian package that provides it. */
  pkg: string;
};

/** Where `tool` is, or null. */
export function findTool(tool: Tool): string | null {
  const onPath = spawnSync("sh", ["-c", `command -v ${tool.bin}`], { encoding: "utf8" }).stdout.trim();
  return onPath || tool.paths?.find((p) => existsSync(p)) || null;
}

/**
 * The path of every tool, installing the packages of the missing ones with apt-get. Throws
 * with the command to run when that is impossible (not root) or fails.
 */
export function ensureTools<const T extends readonly Tool[]>(tools: T, purpose: string, log: (m: string) => void): { [K in keyof T]: string } {
  const missing = tools.filter((t) => !findTool(t));
  if (missing.length > 0) {
    const pkgs = [...new Set(missing.map((t) => t.pkg))];
    const hint = `sudo apt-get install -y ${pkgs.join(" ")}`;
    if (process.getuid?.() !== 0) throw new Error(`${pkgs.join(" and ")} missing (needed for ${purpose}): run \`${hint}\` and try again.`);
    log(`${missing.map((t) => t.bin).join(", ")} missing: installing Debian's ${pkgs.join(", ")}`);
    // A fresh machine may have empty package lists, so always update first.
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    for (const args of [["update"], ["install", "-y", "--no-install-recommends", ...pkgs]]) {
      const r = spawnSync("apt-get", args, { stdio: "inherit", env });
      if (r.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed (exit ${r.status ?? r.signal}); run \`${hint}\` by hand.`);
    }
  }
  return tools.map((t) => {
    const path = findTool(t);
    if (!path) throw new Error(`apt-get installed ${t.pkg} but ${t.bin} is still missing.`);
    return path;
  }) as { [K in keyof T]: string };
}
