// The cluster's and the benchmark's nginx configuration is deploy/nginx/portal.conf with its
// ports and folders swapped: for N instances it must keep production's failover settings on
// every server line and be a configuration nginx itself accepts.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mainConf, nginxFolders, nginxTool, portalConf } from "../../scripts/lib/services/nginx";

const dir = mkdtempSync(join(tmpdir(), "portal-conf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const upstreams = ["127.0.0.1:41001", "127.0.0.1:41002", "127.0.0.1:41003"];
const conf = portalConf({ upstreams, listen: "127.0.0.1:41000", cacheDir: join(dir, "cache"), nextStatic: join(dir, "static"), accessLog: null });

describe("portal.conf for several instances", () => {
  it("lists every instance once, each with the production line's max_fails and fail_timeout", () => {
    const servers = [...conf.matchAll(/^\s*server (\S+?)( [^;]*)?;/gm)];
    expect(servers.map((m) => m[1])).toEqual(upstreams);
    for (const m of servers) expect(m[2]).toMatch(/max_fails=\d+ fail_timeout=\d+s/);
    expect(conf).not.toContain("127.0.0.1:3000");
  });

  it("retries a failed idempotent request on the next instance and keeps connections alive", () => {
    expect(conf).toMatch(/^\s*proxy_next_upstream error timeout http_502 http_503 http_504;/m);
    expect(conf).not.toMatch(/proxy_next_upstream[^;]*non_idempotent/);
    expect(conf).toMatch(/upstream portal_app \{[^}]*keepalive \d+;/);
    expect(conf).toContain("listen 127.0.0.1:41000;");
    expect(conf).not.toMatch(/listen (80|\[::\])/);
  });

  it("is accepted by nginx -t", () => {
    const nginx = nginxTool();
    nginxFolders(dir);
    writeFileSync(join(dir, "portal.conf"), conf);
    const file = join(dir, "nginx.conf");
    writeFileSync(file, mainConf(dir, { workers: 1 }));
    const r = spawnSync(nginx, ["-t", "-p", dir, "-c", file], { encoding: "utf8" });
    expect(r.stderr).toMatch(/test is successful/);
    expect(r.status).toBe(0);
  });
});
