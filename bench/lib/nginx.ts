// Runs the production nginx config (deploy/nginx/portal.conf, through
// scripts/lib/services/nginx.ts) for the benchmark, plus a bare static-file server as nginx's
// own floor, on the bench's fixed ports. nginx runs in the foreground as our child.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { mainConf, nginxFolders, portalConf, runNginx } from "../../scripts/lib/services/nginx";

type Opts = { nginx: string; tmp: string; appPorts: number[]; port: number; staticPort: number; staticRoot: string; nextStatic: string };

/** portal.conf with the bench's ports and folders: every other line is production's. */
export function benchPortalConf(o: Opts): string {
  return portalConf({
    upstreams: o.appPorts.map((p) => `127.0.0.1:${p}`),
    listen: `127.0.0.1:${o.port}`,
    cacheDir: join(o.tmp, "nginx", "cache"),
    nextStatic: o.nextStatic,
    // Off here as for the static floor, so the two are compared doing the same work.
    accessLog: null,
  });
}

export type Nginx = { portalUrl: string; staticUrl: string; stop: () => Promise<void> };

export async function startNginx(o: Opts): Promise<Nginx> {
  const dir = join(o.tmp, "nginx");
  nginxFolders(dir);
  writeFileSync(join(dir, "portal.conf"), benchPortalConf(o));
  // One worker: on a 2-core machine wrk needs the other core, and two workers plus wrk starve
  // Node, whose once-a-second refresh of an expired page then takes seconds (and holds the
  // connection that triggered it: nginx's background update finishes before that connection
  // is served again). A production box has Node's core to spare.
  const main = mainConf(dir, {
    workers: 1,
    comment: "scripts/bench.ts",
    extra: `
    # nginx's floor: one static file, nothing else.
    server {
        listen 127.0.0.1:${o.staticPort};
        access_log off;
        keepalive_requests 10000;
        root ${o.staticRoot};
        gzip_static on;
    }`,
  });
  const file = join(dir, "nginx.conf");
  writeFileSync(file, main);
  const { proc, stderr, stop } = runNginx(o.nginx, dir, file);
  const portalUrl = `http://127.0.0.1:${o.port}`;
  const staticUrl = `http://127.0.0.1:${o.staticPort}`;
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) throw new Error(`nginx exited (${proc.exitCode}): ${stderr()}`);
    try {
      await fetch(`${staticUrl}/article.html`, { signal: AbortSignal.timeout(1_000) });
      return { portalUrl, staticUrl, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await stop();
  throw new Error(`nginx did not answer on ${staticUrl}: ${stderr()}`);
}
