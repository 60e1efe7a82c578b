// An S3-compatible API server of our own (npm's s3rver; no MinIO package is reachable here)
// for the tests and `npm run cluster`: objects in a folder, one bucket made at start. The
// portal talks to it exactly as to S3, R2 or MinIO (path-style URLs, any endpoint).
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export type RunningS3 = {
  /** http://127.0.0.1:PORT: S3_ENDPOINT */
  endpoint: string;
  bucket: string;
  /** s3rver accepts any key pair; these are what the portal is given. */
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  stop: () => Promise<void>;
};

const MAIN = join(import.meta.dirname, "s3rver-main.mjs");

export async function startS3(opts: { dir: string; bucket?: string; timeoutMs?: number }): Promise<RunningS3> {
  const bucket = opts.bucket ?? "portal-media";
  mkdirSync(opts.dir, { recursive: true });
  // s3rver's ListObjectsV2 continuation tokens are DES-encrypted, which OpenSSL 3 (Node 17+)
  // keeps in its legacy provider: without it every listing of more than 1000 keys is a 500.
  const child = spawn(process.execPath, ["--openssl-legacy-provider", MAIN, opts.dir, bucket], { stdio: ["ignore", "pipe", "pipe"] });
  process.once("exit", () => child.exitCode === null && child.kill("SIGKILL"));
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`s3rver did not start within ${opts.timeoutMs ?? 30_000} ms:\n${output}`)), opts.timeoutMs ?? 30_000);
    const onData = (b: Buffer) => {
      output = (output + b.toString()).slice(-4096);
      const m = /s3rver listening on (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`s3rver exited (${code}) before listening:\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    child.kill("SIGTERM");
    const t = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(t);
  };
  return { endpoint: `http://127.0.0.1:${port}`, bucket, accessKeyId: "S3RVER", secretAccessKey: "S3RVER", region: "us-east-1", stop };
}

/** The portal's settings for this bucket: what an instance is started with (README settings table). */
export function s3Env(s3: RunningS3): Record<string, string> {
  return {
    MEDIA_STORAGE: "s3",
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: s3.region,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: "true",
  };
}
