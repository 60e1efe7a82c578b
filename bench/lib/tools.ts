// The benchmark's outside tools (wrk, nginx) come from Debian's packages: installed here
// when missing and we are root, otherwise a clear message says what to install.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const TOOLS = [
  { bin: "wrk", paths: ["/usr/bin/wrk", "/usr/local/bin/wrk"], pkg: "wrk" },
  { bin: "nginx", paths: ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"], pkg: "nginx" },
] as const;

export type ToolPaths = { wrk: string; nginx: string };

function find(t: (typeof TOOLS)[number]): string | null {
  const onPath = spawnSync("sh", ["-c", `command -v ${t.bin}`], { encoding: "utf8" }).stdout.trim();
  return onPath || t.paths.find((p) => existsSync(p)) || null;
}

export function ensureTools(log: (m: string) => void): ToolPaths {
  const missing = TOOLS.filter((t) => !find(t));
  if (missing.length > 0) {
    const pkgs = missing.map((t) => t.pkg);
    if (process.getuid?.() !== 0) {
      throw new Error(`the benchmark needs ${pkgs.join(" and ")}: run \`sudo apt-get install -y ${pkgs.join(" ")}\` and try again.`);
    }
    log(`installing ${pkgs.join(", ")} from Debian's packages`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    for (const args of [["update"], ["install", "-y", "--no-install-recommends", ...pkgs]]) {
      const r = spawnSync("apt-get", args, { stdio: "inherit", env });
      if (r.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed (exit ${r.status ?? r.signal}); install ${pkgs.join(" ")} by hand.`);
    }
  }
  const wrk = find(TOOLS[0]);
  const nginx = find(TOOLS[1]);
  if (!wrk || !nginx) throw new Error("wrk or nginx is still missing after apt-get install.");
  return { wrk, nginx };
}
