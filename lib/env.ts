// Every environment variable the project reads (the app, its scripts and its test runner),
// parsed with zod in this one place and documented in the README's settings table; only
// next.config.mjs reads its two build knobs itself (Next loads it before any TypeScript). A
// bad value stops the process with a message naming the variable. Empty counts as unset.
//
// Parsed on first use and then kept, not at import: tests and scripts set process.env (a
// database of their own, an upload folder) before they first use a module, and a module that
// merely imports this one must not freeze the environment before they could.
import { isIP } from "node:net";
import { z } from "zod";

/** Where the e2e tests and the benchmark find Chromium unless CHROMIUM_PATH says otherwise. */
export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const port = whole(0, 65_535);

const schema = z
  .object({
    // The database and where files live.
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, { message: "DATABASE_URL must be a postgresql:// URL" }).optional(),
    DB_POOL_MAX: whole(1, 1_000).default(10),
    DATA_DIR: z.string().default(".data"),
    UPLOAD_DIR: z.string().optional(),
    EMBEDDED_PG_PORT: whole(1, 65_535).optional(),
    SEED_ARTICLES: whole(0, 5_000_000).default(5000),
    PORT: port.default(3000),
    // The site's identity.
    // Unset: http://localhost:$PORT (below), so canonical links and redirects follow the port.
    SITE_URL: z.string().url().regex(/^https?:\/\//, { message: "SITE_URL must start with http:// or https://" }).optional(),
    SITE_NAME: z.string().default("해란강뉴스"),
    SITE_OPERATOR: z.string().default("해란강미디어 (데모 운영사)"),
    SITE_ADDRESS: z.string().default("길림성 연길시 해란강로 100호 (데모 주소)"),
    SITE_EMAIL: z.string().email().default("desk@example.com"),
    SITE_LICENSE: z.string().default("[吉ICP备00000000号-0] (데모)"),
    SITE_SINCE: whole(1990, 2100).default(2005),
    // Secrets: when unset, each is generated once and kept in the database.
    NEXTAUTH_SECRET: z.string().optional(),
    AUTH_SECRET: z.string().optional(),
    COMMENT_IP_SECRET: z.string().min(16, { message: "COMMENT_IP_SECRET must be at least 16 characters" }).optional(),
    // Client addresses and what an anonymous request may cost (lib/comments, lib/limits).
    TRUSTED_PROXY: z
      .string()
      .default("")
      .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
      .refine((list) => list.every((ip) => isIP(ip) !== 0), { message: "TRUSTED_PROXY must be a comma-separated list of IP addresses" }),
    COMMENT_INTERVAL_SECONDS: whole(0, 86_400).default(30),
    COMMENT_MAX_LINKS: whole(0, 50).default(2),
    SEARCH_LIMIT_PER_MINUTE: whole(1, 1_000_000).default(30),
    VIEW_BEACONS_PER_10_MINUTES: whole(1, 1_000_000).default(120),
    // Read replicas (lib/replicas): reader queries may go to these; writes never do.
    DATABASE_REPLICA_URLS: z
      .string()
      .default("")
      .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
      .refine((list) => list.every((u) => /^postgres(ql)?:\/\/\S+$/.test(u)), { message: "DATABASE_REPLICA_URLS must be a comma-separated list of postgresql:// URLs" }),
    REPLICA_MAX_LAG_MS: whole(0, 600_000).default(2000),
    // The test runner and the benchmark.
    CHROMIUM_PATH: z.string().optional(),
    E2E_START_TIMEOUT_MS: whole(1_000, 3_600_000).default(90_000),
    E2E_SKIP_BUILD: z.enum(["0", "1"], { message: "E2E_SKIP_BUILD must be 1 or 0" }).default("0").transform((v) => v === "1"),
    // Media storage (lib/storage): the local folder, or an S3-compatible bucket (S3, R2, MinIO).
    MEDIA_STORAGE: z.enum(["local", "s3"], { message: "MEDIA_STORAGE must be local or s3" }).default("local"),
    S3_BUCKET: z.string().optional(),
    S3_ENDPOINT: z.string().url().regex(/^https?:\/\//, { message: "S3_ENDPOINT must be an http:// or https:// URL" }).optional(),
    S3_REGION: z.string().default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: z.enum(["0", "1", "true", "false"], { message: "S3_FORCE_PATH_STYLE must be true or false" }).optional(),
    S3_PREFIX: z
      .string()
      .regex(/^[a-z0-9][a-z0-9/_-]*$/i, { message: "S3_PREFIX may hold letters, digits, /, _ and - only" })
      .optional(),
    // Shared cache (issue 12): pages and data in Redis for many instances. Next loads
    // lib/cache/cache-handler.mjs outside TypeScript, so it reads these itself; here they are
    // validated when a server starts.
    REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, { message: "REDIS_URL must be a redis:// or rediss:// URL" }).optional(),
    CACHE_MEMORY_MB: whole(1, 65_536).default(50),
    REDIS_CACHE_TTL_SECONDS: whole(60, 31_536_000).default(86_400),
  })
  .superRefine((e, ctx) => {
    // Media storage: a bucket is the one thing S3 cannot guess; keys come as a pair or not at all.
    if (e.MEDIA_STORAGE === "s3" && !e.S3_BUCKET) ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "S3_BUCKET must be set when MEDIA_STORAGE=s3" });
    if (!e.S3_ACCESS_KEY_ID !== !e.S3_SECRET_ACCESS_KEY)
      ctx.addIssue({ code: "custom", path: [e.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID"], message: "set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither" });
  })
  // Shared cache (issue 12): more than one instance means secrets set by the operator, the
  // same on all of them.
  .superRefine((e, ctx) => {
    if (!e.REDIS_URL) return;
    const missing = [!(e.NEXTAUTH_SECRET ?? e.AUTH_SECRET) && "NEXTAUTH_SECRET (or AUTH_SECRET)", !e.COMMENT_IP_SECRET && "COMMENT_IP_SECRET"].filter(Boolean);
    if (missing.length === 0) return;
    ctx.addIssue({
      code: "custom",
      path: ["REDIS_URL"],
      message:
        `set, so instances share one cache, but ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not: ` +
        "NEXTAUTH_SECRET (or AUTH_SECRET) and COMMENT_IP_SECRET must be set, the same on every instance, so that all of them sign sessions and hash client addresses alike",
    });
  })
  .transform((e) => ({
    ...e,
    UPLOAD_DIR: e.UPLOAD_DIR ?? `${e.DATA_DIR}/uploads`,
    /** The public URL; unset, the address `npm start` serves on (behind a proxy, set it). */
    SITE_URL: e.SITE_URL ?? `http://localhost:${e.PORT}`,
    /** The session secret when the operator set one (NEXTAUTH_SECRET, or Auth.js' AUTH_SECRET). */
    sessionSecret: e.NEXTAUTH_SECRET ?? e.AUTH_SECRET,
    /** Media storage: path-style URLs (http://host/bucket/key) unless set, when an endpoint of one's own is given (MinIO, s3rver). */
    S3_FORCE_PATH_STYLE: e.S3_FORCE_PATH_STYLE === undefined ? e.S3_ENDPOINT !== undefined : e.S3_FORCE_PATH_STYLE === "1" || e.S3_FORCE_PATH_STYLE === "true",
    S3_PREFIX: e.S3_PREFIX?.replace(/\/+$/, ""),
  }));

export type Env = z.infer<typeof schema>;

/** Parses `source` (process.env by default); throws an error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const set = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const r = schema.safeParse(set);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment (see the settings table in README.md):\n${lines}`);
  }
  return r.data;
}

let cached: Env | undefined;

/** This process's settings: parsed on the first call, then the same object. */
export function loadEnv(): Env {
  return (cached ??= parseEnv());
}

/** For a program's start: the settings, or the message naming the bad variable and exit 1. */
export function envOrExit(): Env {
  try {
    return loadEnv();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}

/** `env.SITE_URL` and so on: reads go through loadEnv(), so the first read parses. */
export const env: Readonly<Env> = new Proxy({} as Env, {
  get: (_, key) => loadEnv()[key as keyof Env],
  has: (_, key) => key in loadEnv(),
  ownKeys: () => Reflect.ownKeys(loadEnv()),
  getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(loadEnv(), key),
});
