// Two production instances behind nginx, as `npm run cluster` starts them (scripts/lib/cluster.ts:
// real Redis, real s3rver, a real streaming replica, real nginx with deploy/nginx/portal.conf), with a throwaway
// PostgreSQL and a copy of the e2e build of their own, so that nothing here touches the
// shared e2e server, and its traffic and outages touch nothing else.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seededCluster } from "../support/seeded-cluster";
import { copyBuild } from "../../scripts/lib/next-server";
import { startCluster, type Cluster } from "../../scripts/lib/cluster";

const BUILD = ".next-e2e";
const COPY = ".next-e2e-cluster";

export type ClusterRig = Cluster & { databaseUrl: string; workDir: string; close: () => Promise<void> };

export async function startClusterRig(opts: { articles: number; serverEnv: Record<string, string> }): Promise<ClusterRig> {
  if (!existsSync(join(BUILD, "BUILD_ID"))) throw new Error(`no build in ${BUILD}/ (the e2e global setup makes it)`);
  const dir = mkdtempSync(join(tmpdir(), "portal-cluster-"));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as `postgres`, who must reach db/ inside
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true }), () => rmSync(COPY, { recursive: true, force: true })];
  const close = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  };
  try {
    const { pg, databaseUrl, uploadDir } = await seededCluster(join(dir, "db"), { articles: opts.articles });
    cleanups.push(() => pg.stop());
    copyBuild(BUILD, COPY);
    const cluster = await startCluster({
      workDir: join(dir, "cluster"),
      instances: 2,
      distDir: COPY,
      copyMediaFrom: uploadDir,
      // A real streaming replica: reader queries may go there, as in production.
      replicas: { count: 1, superuserUrl: pg.url },
      env: {
        NODE_ENV: "production",
        ...opts.serverEnv,
        DATABASE_URL: databaseUrl,
        UPLOAD_DIR: uploadDir,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        COMMENT_IP_SECRET: randomBytes(32).toString("base64url"),
      },
      // As on machines of their own: nothing an instance writes to its disk reaches the other.
      instanceEnv: (n) => ({ UPLOAD_DIR: join(dir, `uploads-${n}`) }),
      log: () => {},
    });
    cleanups.push(() => cluster.stop());
    return { ...cluster, databaseUrl, workDir: join(dir, "cluster"), close };
  } catch (e) {
    await close();
    throw e;
  }
}

export type Load = {
  /** Requests finished so far (answered or failed). */
  done: () => number;
  stop: () => Promise<{ statuses: Map<number, number>; total: number; failures: string[]; cutMidAnswer: string[] }>;
};

/**
 * `concurrency` clients asking `paths` in turn through `base` until stopped. Each request
 * carries a (made-up) next-auth session cookie, which portal.conf never answers from its
 * micro-cache: every request reaches an instance, as a reader's first visit to a page does.
 * A request that fails without an answer counts as failed, like a 5xx.
 */
export function loadThrough(base: string, paths: string[], concurrency: number): Load {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  // Answers whose headers had arrived when the connection broke: nginx had already passed the
  // instance's answer on, so it could not send the request elsewhere (it is not retryable).
  const cutMidAnswer: string[] = [];
  let total = 0;
  let running = true;
  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path, agent, headers: { cookie: "next-auth.session-token=load-test", "user-agent": "Mozilla/5.0 Chrome/131 cluster-test" } },
        (res) => {
          res.resume();
          res.on("end", () => {
            statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1);
            if ((res.statusCode ?? 0) >= 500) failures.push(`${path}: HTTP ${res.statusCode}`);
            resolve();
          });
          res.on("error", (e) => (cutMidAnswer.push(`${path}: HTTP ${res.statusCode}, then ${e.message}`), resolve()));
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error("no answer in 30 s")));
      req.on("error", (e) => (failures.push(`${path}: ${e.message}`), resolve()));
      req.end();
    });
  let next = 0;
  const client = async () => {
    while (running) {
      const path = paths[next++ % paths.length];
      await one(path);
      total++;
    }
  };
  const clients = Array.from({ length: concurrency }, client);
  return {
    done: () => total,
    stop: async () => {
      running = false;
      await Promise.all(clients);
      agent.destroy();
      return { statuses, total, failures, cutMidAnswer };
    },
  };
}
