// Settings: every variable is parsed in lib/env.ts, and a bad value of any kind stops the
// program with a message that names the variable (and does not echo a secret's value).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("gives the documented defaults for an empty environment", () => {
    const e = parseEnv({});
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.PORT).toBe(3000);
    expect(e.DATA_DIR).toBe(".data");
    expect(e.UPLOAD_DIR).toBe(".data/uploads");
    expect(e.DB_POOL_MAX).toBe(10);
    expect(e.SEED_ARTICLES).toBe(5000);
    expect(e.SITE_URL).toBe("http://localhost:3000");
    expect(e.SITE_SINCE).toBe(2005);
    expect(e.COMMENT_INTERVAL_SECONDS).toBe(30);
    expect(e.COMMENT_MAX_LINKS).toBe(2);
    expect(e.TRUSTED_PROXY).toEqual([]);
    expect(e.SEARCH_LIMIT_PER_MINUTE).toBe(30);
    expect(e.VIEW_BEACONS_PER_10_MINUTES).toBe(120);
    expect(e.sessionSecret).toBeUndefined();
    expect(e.E2E_SKIP_BUILD).toBe(false);
    expect(e.REDIS_URL).toBeUndefined();
    expect(e.CACHE_MEMORY_MB).toBe(50);
    expect(e.REDIS_CACHE_TTL_SECONDS).toBe(86_400);
  });

  it("reads what an operator sets; an empty value counts as unset", () => {
    const e = parseEnv({ DATA_DIR: "/srv/portal", PORT: "8080", TRUSTED_PROXY: " 127.0.0.1 , ::1", AUTH_SECRET: "s3cret", COMMENT_INTERVAL_SECONDS: "0", SITE_NAME: "" });
    expect(e.UPLOAD_DIR).toBe("/srv/portal/uploads");
    expect(e.PORT).toBe(8080);
    // Canonical links and redirects follow the port the portal serves on, unless SITE_URL says otherwise.
    expect(e.SITE_URL).toBe("http://localhost:8080");
    expect(parseEnv({ PORT: "8080", SITE_URL: "https://news.example.com" }).SITE_URL).toBe("https://news.example.com");
    expect(e.TRUSTED_PROXY).toEqual(["127.0.0.1", "::1"]);
    expect(e.sessionSecret).toBe("s3cret");
    expect(parseEnv({ NEXTAUTH_SECRET: "first", AUTH_SECRET: "second" }).sessionSecret).toBe("first");
    expect(e.COMMENT_INTERVAL_SECONDS).toBe(0);
    expect(e.SITE_NAME).toBe("해란강뉴스");
    expect(parseEnv({ UPLOAD_DIR: "/tmp/up", DATA_DIR: "/srv" }).UPLOAD_DIR).toBe("/tmp/up");
  });

  // One bad value of each kind of setting.
  const bad: [string, string][] = [
    ["COMMENT_MAX_LINKS", "two"], // not a number
    ["COMMENT_INTERVAL_SECONDS", "1.5"], // not whole
    ["DB_POOL_MAX", "0"], // below the range
    ["SEARCH_LIMIT_PER_MINUTE", "0"],
    ["VIEW_BEACONS_PER_10_MINUTES", "-1"],
    ["SITE_SINCE", "1800"], // outside the range
    ["PORT", "70000"],
    ["EMBEDDED_PG_PORT", "x"],
    ["SEED_ARTICLES", "many"],
    ["E2E_START_TIMEOUT_MS", "5"],
    ["DATABASE_URL", "localhost:5432/portal"], // not a URL
    ["SITE_URL", "example.com"],
    ["SITE_URL", "ftp://example.com"],
    ["SITE_EMAIL", "desk-at-example.com"], // not an e-mail address
    ["COMMENT_IP_SECRET", "short"], // too short a key
    ["TRUSTED_PROXY", "127.0.0.1,nginx"], // not an IP list
    ["E2E_SKIP_BUILD", "yes"], // not a flag
    ["S3_ENDPOINT", "minio:9000"], // not a URL
    ["S3_FORCE_PATH_STYLE", "maybe"],
    ["S3_PREFIX", "../up"],
    ["REDIS_URL", "127.0.0.1:6379"], // not a redis:// URL
    ["CACHE_MEMORY_MB", "0"],
    ["REDIS_CACHE_TTL_SECONDS", "1d"],
  ];
  it.each(bad)("refuses %s=%s with a message naming it", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`^Invalid environment[^\\n]*\\n  ${name}: `));
  });

  it("names every bad variable at once and never prints a secret's value", () => {
    let message = "";
    try {
      parseEnv({ COMMENT_IP_SECRET: "tiny-key", PORT: "http", SITE_URL: "nowhere" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("COMMENT_IP_SECRET: ");
    expect(message).toContain("PORT: ");
    expect(message).toContain("SITE_URL: ");
    expect(message).not.toContain("tiny-key");
  });
});

describe("media storage settings", () => {
  it("keeps photos on local disk by default", () => {
    const e = parseEnv({});
    expect(e.MEDIA_STORAGE).toBe("local");
    expect(e.S3_REGION).toBe("us-east-1");
    expect(e.S3_FORCE_PATH_STYLE).toBe(false);
  });

  it("refuses MEDIA_STORAGE=s3 without a bucket, naming S3_BUCKET", () => {
    expect(() => parseEnv({ MEDIA_STORAGE: "s3" })).toThrow(/\n {2}S3_BUCKET: S3_BUCKET must be set when MEDIA_STORAGE=s3/);
    expect(() => parseEnv({ MEDIA_STORAGE: "minio" })).toThrow(/\n {2}MEDIA_STORAGE: /);
  });

  it("uses path-style URLs for an endpoint of one's own unless told otherwise, and trims the prefix", () => {
    const e = parseEnv({ MEDIA_STORAGE: "s3", S3_BUCKET: "media", S3_ENDPOINT: "http://127.0.0.1:9000", S3_PREFIX: "portal/" });
    expect(e.S3_FORCE_PATH_STYLE).toBe(true);
    expect(e.S3_PREFIX).toBe("portal");
    expect(parseEnv({ MEDIA_STORAGE: "s3", S3_BUCKET: "media", S3_ENDPOINT: "https://acc.r2.cloudflarestorage.com", S3_FORCE_PATH_STYLE: "false" }).S3_FORCE_PATH_STYLE).toBe(false);
    expect(parseEnv({ MEDIA_STORAGE: "s3", S3_BUCKET: "media" }).S3_FORCE_PATH_STYLE).toBe(false);
  });

  it("wants both S3 keys or neither, and never prints the secret", () => {
    let message = "";
    try {
      parseEnv({ MEDIA_STORAGE: "s3", S3_BUCKET: "media", S3_SECRET_ACCESS_KEY: "very-secret-value" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/\n {2}S3_ACCESS_KEY_ID: /);
    expect(message).not.toContain("very-secret-value");
  });
});

describe("more than one instance (REDIS_URL)", () => {
  const secrets = { NEXTAUTH_SECRET: "session-secret-of-the-site", COMMENT_IP_SECRET: "address-key-of-the-site" };
  const redis = { REDIS_URL: "redis://cache.internal:6379" };

  it("needs the session and the address secrets set, and says which and why", () => {
    let message = "";
    try {
      parseEnv(redis);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Invalid environment[^\n]*\n  REDIS_URL: /);
    expect(message).toContain("NEXTAUTH_SECRET (or AUTH_SECRET) and COMMENT_IP_SECRET");
    expect(message).toContain("every instance");
    expect(message).toContain("sign sessions and hash client addresses alike");
  });

  it("names only the secret that is missing, and never prints one", () => {
    expect(() => parseEnv({ ...redis, COMMENT_IP_SECRET: secrets.COMMENT_IP_SECRET })).toThrow(/but NEXTAUTH_SECRET \(or AUTH_SECRET\) is not/);
    let message = "";
    try {
      parseEnv({ ...redis, NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("but COMMENT_IP_SECRET is not");
    expect(message).not.toContain(secrets.NEXTAUTH_SECRET);
  });

  it("starts with both set (AUTH_SECRET counts), and one machine needs neither", () => {
    expect(parseEnv({ ...redis, ...secrets }).REDIS_URL).toBe(redis.REDIS_URL);
    expect(parseEnv({ ...redis, AUTH_SECRET: "auth-js-secret", COMMENT_IP_SECRET: secrets.COMMENT_IP_SECRET }).sessionSecret).toBe("auth-js-secret");
    expect(parseEnv({}).REDIS_URL).toBeUndefined();
  });
});

describe("a program started with a bad setting", () => {
  it("stops before doing anything, exit code 1, naming the variable", () => {
    // npm run migrate would otherwise need a database; the bad setting must stop it first.
    const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
    const r = spawnSync(tsx, ["scripts/migrate.ts"], {
      env: { ...process.env, DATABASE_URL: "postgresql://127.0.0.1:1/none", COMMENT_MAX_LINKS: "lots" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/COMMENT_MAX_LINKS: /);
    expect(r.stdout).not.toMatch(/migration/);
  });

  it("with REDIS_URL but no secrets of its own, stops and says which are missing", () => {
    const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: "postgresql://127.0.0.1:1/none", REDIS_URL: "redis://127.0.0.1:1" };
    for (const name of ["NEXTAUTH_SECRET", "AUTH_SECRET", "COMMENT_IP_SECRET"]) delete env[name];
    const r = spawnSync(tsx, ["scripts/migrate.ts"], { env, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/REDIS_URL: .*NEXTAUTH_SECRET \(or AUTH_SECRET\) and COMMENT_IP_SECRET/);
  });
});
