// nginx with the production configuration (deploy/nginx/portal.conf) in front of one or more
// app instances, for `npm run cluster`, the benchmark and the cluster tests: the same file
// with its ports and folders swapped, so what runs here is what production runs. nginx runs
// in the foreground as our child, from a folder of its own (`nginx -p DIR -c FILE`).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ensureTools } from "../debian-packages";
import { onSomePort } from "./ports";

export const PORTAL_CONF = join(import.meta.dirname, "..", "..", "..", "deploy", "nginx", "portal.conf");

export const NGINX_TOOL = { bin: "nginx", paths: ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"], pkg: "nginx" } as const;

export function nginxTool(log: (m: string) => void = () => {}): string {
  const [nginx] = ensureTools([NGINX_TOOL], "the reverse proxy", log);
  return nginx;
}

export type PortalConfOptions = {
  /** host:port of every app instance. */
  upstreams: string[];
  /** The listen address, 127.0.0.1:PORT. */
  listen: string;
  cacheDir: string;
  /** The build's static folder (<dist>/static). */
  nextStatic: string;
  /** A file, or null for `access_log off`. */
  accessLog: string | null;
};

function swap(conf: string, from: RegExp, to: string): string {
  const n = conf.match(new RegExp(from.source, from.flags.includes("g") ? from.flags : from.flags + "g"))?.length ?? 0;
  if (n !== 1) throw new Error(`deploy/nginx/portal.conf changed: expected one match of ${from} (found ${n})`);
  return conf.replace(from, () => to);
}

/** portal.conf with these ports and folders: every other line is production's. */
export function portalConf(o: PortalConfOptions): string {
  if (o.upstreams.length === 0) throw new Error("portalConf: no app instance");
  let c = readFileSync(PORTAL_CONF, "utf8");
  c = swap(c, /proxy_cache_path \/var\/cache\/nginx\/portal /, `proxy_cache_path ${o.cacheDir} `);
  // The one server line, its parameters (max_fails, fail_timeout) kept, once per instance.
  const line = /^( *)server 127\.0\.0\.1:3000( [^;\n]*)?;[^\n]*$/m.exec(c);
  if (!line) throw new Error("deploy/nginx/portal.conf changed: no `server 127.0.0.1:3000 ...;` line in the upstream");
  c = swap(c, new RegExp(line[0].replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), o.upstreams.map((u) => `${line[1]}server ${u}${line[2] ?? ""};`).join("\n"));
  c = swap(c, /listen 80;/, `listen ${o.listen};`);
  c = swap(c, /listen \[::\]:80;\n/, "");
  c = swap(c, /access_log \/var\/log\/nginx\/portal\.access\.log combined;/, o.accessLog ? `access_log ${o.accessLog} combined;` : "access_log off;");
  // nginx resolves a relative alias against its prefix (-p DIR), not our working folder.
  c = swap(c, /alias \/srv\/portal\/\.next\/static\/;/, `alias ${resolve(o.nextStatic).replace(/\/?$/, "/")};`);
  return c;
}

/** The main file around portal.conf (and `extra` server blocks) for a folder of our own. */
export function mainConf(dir: string, opts: { workers: number; extra?: string; comment?: string }): string {
  return `# generated${opts.comment ? `: ${opts.comment}` : ""}
${process.getuid?.() === 0 ? "user root;" : ""}
worker_processes ${opts.workers};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${dir}/portal.conf;
${opts.extra ?? ""}
}
`;
}

export function nginxFolders(dir: string): void {
  for (const d of ["cache", "body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(dir, d), { recursive: true });
}

export type RunningNginx = {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  proc: ChildProcess;
  /**
   * Points the upstream at these instances (portal.conf rewritten, checked with nginx -t,
   * SIGHUP) and resolves once /api/health answers 200 through the new configuration.
   */
  reload: (upstreams: string[]) => Promise<void>;
  /** Graceful stop (SIGQUIT), SIGKILL after 5 s. */
  stop: () => Promise<void>;
};

/**
 * `nginx -t`, then nginx in the foreground as our child, in a process group of its own (a
 * terminal's Ctrl-C goes to the script, which stops nginx in turn), killed if this process
 * exits first. stop() is graceful (SIGQUIT: the master ends its workers), SIGKILL after 5 s.
 */
export function runNginx(nginx: string, dir: string, file: string) {
  const test = spawnSync(nginx, ["-t", "-q", "-p", dir, "-c", file], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);
  const proc = spawn(nginx, ["-p", dir, "-c", file, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  proc.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  process.once("exit", () => proc.exitCode === null && proc.signalCode === null && proc.kill("SIGKILL"));
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => proc.once("exit", () => r()));
    proc.kill("SIGQUIT");
    const t = setTimeout(() => proc.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(t);
  };
  return { proc, stderr: () => stderr, stop };
}

export type ProxyOptions = {
  dir: string;
  upstreams: string[];
  nextStatic: string;
  /** A named port is tried once; without one, kernel-picked ports are tried until one binds. */
  port?: number;
  workers?: number;
  accessLog?: boolean;
  log?: (m: string) => void;
};

const TAKEN = /Address already in use/i;

/** nginx with portal.conf in front of `upstreams`, listening on 127.0.0.1. */
export async function startPortalProxy(o: ProxyOptions): Promise<RunningNginx> {
  const nginx = nginxTool(o.log);
  const dir = o.dir;
  nginxFolders(dir);
  const file = join(dir, "nginx.conf");
  writeFileSync(file, mainConf(dir, { workers: o.workers ?? 1, comment: "npm run cluster / tests, from deploy/nginx/portal.conf" }));
  const write = (port: number, upstreams: string[]) =>
    writeFileSync(
      join(dir, "portal.conf"),
      portalConf({ upstreams, listen: `127.0.0.1:${port}`, cacheDir: join(dir, "cache"), nextStatic: o.nextStatic, accessLog: o.accessLog ? join(dir, "access.log") : null }),
    );

  const launch = async (port: number): Promise<RunningNginx> => {
    rmSync(join(dir, "nginx.pid"), { force: true });
    write(port, o.upstreams);
    const { proc, stderr, stop } = runNginx(nginx, dir, file);
    const url = `http://127.0.0.1:${port}`;
    // nginx writes its pid file once its sockets are bound; a port taken meanwhile makes it
    // exit instead (and the next port is tried). Asking the port itself could reach the taker.
    const pidFile = join(dir, "nginx.pid");
    for (let i = 0; i < 400; i++) {
      if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`nginx exited (${proc.exitCode ?? proc.signalCode}): ${stderr()}`);
      if (existsSync(pidFile) && readFileSync(pidFile, "utf8").trim() === String(proc.pid)) {
        const reload = async (upstreams: string[]) => {
          write(port, upstreams);
          const t = spawnSync(nginx, ["-t", "-q", "-p", dir, "-c", file], { encoding: "utf8" });
          if (t.status !== 0) throw new Error(`nginx -t failed:\n${t.stderr}`);
          proc.kill("SIGHUP");
          await untilHealthy(url, proc);
        };
        return { url, port, proc, stop, reload };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await stop();
    throw new Error(`nginx did not start on ${url} within 20 s: ${stderr()}`);
  };
  if (o.port) return launch(o.port);
  return onSomePort(launch, (e) => TAKEN.test((e as Error).message));
}


/** Polls /api/health through nginx until an instance answers 200 (new workers have taken over). */
async function untilHealthy(url: string, proc: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error("nginx exited during a reload");
    try {
      const r = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await r.arrayBuffer();
      if (r.status === 200) return;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url}/api/health did not answer 200 through nginx within ${timeoutMs} ms (last: ${last})`);
}
