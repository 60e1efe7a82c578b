// Media in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, s3rver in the tests), for
// instances that share no disk. Keys are the same as on disk, under S3_PREFIX when one is set.
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { env } from "../env";
import { StorageUnavailable } from "./errors";
import type { FileStorage, StoredObject } from "./index";

/**
 * Every key is written once with content that never changes (uploads get random keys, seed
 * photos are drawn deterministically from their name, crops are derived from an immutable
 * source), so a CDN or browser may keep an object for a year.
 */
export const IMMUTABLE = "public, max-age=31536000, immutable";

export type S3Options = {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  prefix?: string;
};

const missing = (e: unknown) =>
  e instanceof S3ServiceException && (e.name === "NoSuchKey" || e.name === "NotFound" || e.$metadata?.httpStatusCode === 404);

export class S3Storage implements FileStorage {
  readonly client: S3Client;
  readonly bucket: string;
  private prefix: string;

  constructor(o: S3Options) {
    this.bucket = o.bucket;
    this.prefix = o.prefix ? `${o.prefix.replace(/\/+$/, "")}/` : "";
    this.client = new S3Client({
      region: o.region,
      endpoint: o.endpoint,
      forcePathStyle: o.forcePathStyle,
      // Without keys the SDK's default chain answers (instance role, AWS_* variables, ~/.aws).
      credentials: o.accessKeyId && o.secretAccessKey ? { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey } : undefined,
      // Checksums only where S3 requires them: R2, MinIO and s3rver do not all speak the
      // SDK's newer default (CRC32 on every request).
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      // A store that hangs must not hold a reader's request for minutes: fail, and say 503.
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 15_000 },
      maxAttempts: 3,
    });
  }

  private k(key: string) {
    return this.prefix + key;
  }

  async put(key: string, data: Buffer, contentType: string) {
    try {
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.k(key), Body: data, ContentType: contentType, CacheControl: IMMUTABLE, ContentLength: data.length }));
    } catch (e) {
      throw new StorageUnavailable("put", key, e);
    }
  }

  async get(key: string) {
    try {
      const r = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.k(key) }));
      if (!r.Body) return null;
      return Buffer.from(await r.Body.transformToByteArray());
    } catch (e) {
      if (missing(e)) return null;
      throw new StorageUnavailable("get", key, e);
    }
  }

  async delete(key: string) {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.k(key) }));
    } catch (e) {
      if (!missing(e)) throw new StorageUnavailable("delete", key, e);
    }
  }

  async size(key: string) {
    try {
      const r = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.k(key) }));
      return r.ContentLength ?? 0;
    } catch (e) {
      if (missing(e)) return null;
      throw new StorageUnavailable("size", key, e);
    }
  }

  async *list(prefix = ""): AsyncIterable<StoredObject> {
    let token: string | undefined;
    do {
      let r;
      try {
        r = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.k(prefix), ContinuationToken: token }));
      } catch (e) {
        throw new StorageUnavailable("list", prefix || "(all)", e);
      }
      for (const o of r.Contents ?? []) if (o.Key) yield { key: o.Key.slice(this.prefix.length), size: o.Size ?? 0 };
      token = r.IsTruncated ? r.NextContinuationToken : undefined;
    } while (token);
  }
}

/** The bucket of MEDIA_STORAGE=s3 and the S3_* settings (lib/env.ts has checked S3_BUCKET). */
export function s3StorageFromEnv(): S3Storage {
  return new S3Storage({
    bucket: env.S3_BUCKET!,
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    prefix: env.S3_PREFIX,
  });
}
