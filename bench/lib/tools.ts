// The benchmark's outside tools (wrk, nginx), from Debian's packages (see scripts/lib/debian-packages.ts).
import { ensureTools as ensure } from "../../scripts/lib/debian-packages";

export type ToolPaths = { wrk: string; nginx: string };

export function ensureTools(log: (m: string) => void): ToolPaths {
  const [wrk, nginx] = ensure(
    [
      { bin: "wrk", paths: ["/usr/bin/wrk", "/usr/local/bin/wrk"], pkg: "wrk" },
      { bin: "nginx", paths: ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"], pkg: "nginx" },
    ],
    "the benchmark",
    log,
  );
  return { wrk, nginx };
}
