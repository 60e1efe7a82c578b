// Several production instances of the portal on one machine, as a real deployment runs them
// on several: one Redis (the shared page and data cache), one S3 API server (uploads), one
// database, N `next start` processes with one shared environment, and nginx with
// deploy/nginx/portal.conf in front. Used by `npm run cluster`, the benchmark
// (--instances) and tests/e2e/cluster.test.ts.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { startRedis, type RunningRedis } from "./services/redis";
import { s3Env, startS3, type RunningS3 } from "./services/s3";
import { startPortalProxy, type RunningNginx } from "./services/nginx";
import { startReplica } from "./services/pg-replica";
import { startNextServer, type NextServer } from "./next-server";
import { copyAll } from "../../lib/storage/copy-all";
import { LocalStorage } from "../../lib/storage/local";
import { S3Storage } from "../../lib/storage/s3";

export type ClusterSecrets = { NEXTAUTH_SECRET: string; COMMENT_IP_SECRET: string };

/**
 * The secrets every instance must share (sessions signed by one are read by the others; a
 * client's comment limit is one hash everywhere), generated once and kept in `file` (0600),
 * so that sessions and hashes survive a restart of the cluster.
 */
export function clusterSecrets(file: string): ClusterSecrets {
  if (existsSync(file)) {
    const kept = Object.fromEntries(
      readFileSync(file, "utf8")
        .split("\n")
        .map((l) => /^([A-Z_]+)=(.+)$/.exec(l.trim()))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], m[2]]),
    );
    if (kept.NEXTAUTH_SECRET && kept.COMMENT_IP_SECRET) return { NEXTAUTH_SECRET: kept.NEXTAUTH_SECRET, COMMENT_IP_SECRET: kept.COMMENT_IP_SECRET };
  }
  const secrets = { NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), COMMENT_IP_SECRET: randomBytes(32).toString("base64url") };
  writeFileSync(file, `# npm run cluster: shared by every instance; keep it private\n${Object.entries(secrets).map(([k, v]) => `${k}=${v}`).join("\n")}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

export type ClusterOptions = {
  /** Redis, nginx and the instances' logs go here (made if missing). */
  workDir: string;
  /** The S3 server's objects (default workDir/s3): the uploads, so keep it across runs. */
  s3Dir?: string;
  instances: number;
  /** The environment every instance shares, before the cluster adds its own part
   *  (DATABASE_URL, NEXT_DIST_DIR, NEXTAUTH_SECRET, COMMENT_IP_SECRET, UPLOAD_DIR...). */
  env: NodeJS.ProcessEnv;
  /** A local upload folder whose photos the bucket must hold too (the demo photos seeded
   *  there): copied as `npm run media:migrate` does, skipping what the bucket has. */
  copyMediaFrom?: string;
  /** Streaming replicas of the (embedded) primary to start, as `superuserUrl` can make them;
   *  the instances read from them (DATABASE_REPLICA_URLS). */
  replicas?: { count: number; superuserUrl: string };
  /** What differs per instance (1, 2, ...), e.g. a folder of its own as on another machine. */
  instanceEnv?: (n: number) => Record<string, string>;
  /** The build's folder (NEXT_DIST_DIR) nginx serves /_next/static from. */
  distDir: string;
  /** nginx's port: tried once; without one, kernel-picked ports until one binds. */
  port?: number;
  /** Runs once the environment is complete and before the instances start (the build...). */
  beforeInstances?: (env: NodeJS.ProcessEnv) => Promise<void> | void;
  timeoutMs?: number;
  log: (m: string) => void;
};

export type Cluster = {
  /** nginx: http://127.0.0.1:PORT, the site's public URL here. */
  url: string;
  env: NodeJS.ProcessEnv;
  redis: RunningRedis;
  s3: RunningS3;
  nginx: RunningNginx;
  instances: NextServer[];
  /** Starts instance number `n` with the shared environment (not put behind nginx). */
  startInstance: (n: number) => Promise<NextServer>;
  /** Stops everything: nginx first (no new requests), then the instances, replicas, S3 and Redis. */
  stop: () => Promise<void>;
};

/** Slots of replicas from a run that was killed: nothing reads them, the primary keeps WAL for them. */
async function dropLeftoverSlots(superuserUrl: string): Promise<void> {
  const c = new pg.Client({ connectionString: superuserUrl });
  await c.connect();
  try {
    await c.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name LIKE 'replica\\_cluster\\_%' AND NOT active`);
  } finally {
    await c.end();
  }
}

async function copyMedia(from: string, s3: RunningS3, log: (m: string) => void): Promise<void> {
  const bucket = new S3Storage({ bucket: s3.bucket, endpoint: s3.endpoint, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true });
  const r = await copyAll(new LocalStorage(from), bucket);
  if (r.failed.length) throw new Error(`copying ${from} into the bucket: ${r.failed.length} file(s) failed, first: ${r.failed[0].key}: ${r.failed[0].error}`);
  log(`media: ${r.copied} file(s) of ${from} copied into the bucket, ${r.skipped} there already`);
}

/** Nothing listens on port 1: nginx's upstream before the instances are up answers 502. */
const NO_INSTANCE_YET = "127.0.0.1:1";

export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  mkdirSync(join(o.workDir, "logs"), { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  let proxy: RunningNginx | null = null;
  const stopAll = async () => {
    const quietly = (p: Promise<void>) => p.catch((e) => o.log(`stopping: ${(e as Error).message}`));
    // nginx first: no new request reaches an instance that is about to go.
    if (proxy) await quietly(proxy.stop());
    for (const fn of stops.splice(0).reverse()) await quietly(fn());
  };
  try {
    o.log("starting Redis (the shared cache)");
    const redis = await startRedis({ dir: join(o.workDir, "redis"), log: o.log });
    stops.push(() => redis.stop());
    o.log(`Redis at ${redis.url}`);
    const s3 = await startS3({ dir: o.s3Dir ?? join(o.workDir, "s3") });
    stops.push(() => s3.stop());
    o.log(`S3 API server (s3rver) at ${s3.endpoint}, bucket ${s3.bucket}`);
    if (o.copyMediaFrom) await copyMedia(o.copyMediaFrom, s3, o.log);
    const replicaUrls: string[] = [];
    if (o.replicas?.count) await dropLeftoverSlots(o.replicas.superuserUrl);
    for (let i = 1; i <= (o.replicas?.count ?? 0); i++) {
      const replica = await startReplica({ superuserUrl: o.replicas!.superuserUrl, dir: join(o.workDir, `replica-${i}`), name: `cluster_${i}` });
      // destroy: its slot on the primary goes too, or the primary would keep WAL for it forever.
      stops.push(() => replica.destroy());
      replicaUrls.push(replica.urlFor(String(o.env.DATABASE_URL)));
      o.log(`read replica ${i} streaming from the primary on port ${replica.port}`);
    }

    // nginx first, so that its address (the site's public URL, which pages and redirects are
    // built on) is known and held before the instances start; it is pointed at them after.
    const nginx = await startPortalProxy({
      dir: join(o.workDir, "nginx"),
      upstreams: [NO_INSTANCE_YET],
      nextStatic: join(o.distDir, "static"),
      port: o.port,
      workers: 1,
      accessLog: true,
      log: o.log,
    });
    proxy = nginx;

    const env: NodeJS.ProcessEnv = {
      ...o.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: o.distDir,
      SITE_URL: nginx.url,
      // nginx is on this machine: the visitor's address comes from its X-Forwarded-For.
      TRUSTED_PROXY: "127.0.0.1",
      REDIS_URL: redis.url,
      ...s3Env(s3),
      ...(replicaUrls.length ? { DATABASE_REPLICA_URLS: replicaUrls.join(",") } : {}),
    };
    await o.beforeInstances?.(env);

    const instances: NextServer[] = [];
    const startInstance = async (n: number) => {
      const server = await startNextServer({ env: { ...env, ...o.instanceEnv?.(n) }, logFile: join(o.workDir, "logs", `instance-${n}.log`), timeoutMs: o.timeoutMs ?? 120_000 });
      stops.push(() => server.close());
      return server;
    };
    // One after the other: on a small machine N builds' worth of module loading at once
    // makes every instance slow to answer its health check.
    for (let i = 1; i <= o.instances; i++) {
      const s = await startInstance(i);
      instances.push(s);
      o.log(`instance ${i} at ${s.url} (pid ${s.pid})`);
    }
    await nginx.reload(instances.map((s) => new URL(s.url).host));
    return { url: nginx.url, env, redis, s3, nginx, instances, startInstance, stop: stopAll };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
