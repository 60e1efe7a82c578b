// Environment, parsed once with zod; a bad value stops the process with a clear message.
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }).optional(),
  SITE_URL: z.string().url().default("http://localhost:3000"),
  SITE_NAME: z.string().min(1).default("해란강뉴스"),
  SITE_OPERATOR: z.string().min(1).default("해란강미디어 (데모 운영사)"),
  SITE_ADDRESS: z.string().min(1).default("길림성 연길시 해란강로 100호 (데모 주소)"),
  SITE_EMAIL: z.string().email().default("desk@example.com"),
  SITE_LICENSE: z.string().min(1).default("[吉ICP备00000000号-0] (데모)"),
  SITE_SINCE: z.coerce.number().int().min(1990).max(2100).default(2005),
  UPLOAD_DIR: z.string().min(1).default(".data/uploads"),
  // Per-address limits of what an anonymous request costs (see lib/limits/rate-limit.ts).
  SEARCH_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  VIEW_BEACONS_PER_10_MINUTES: z.coerce.number().int().min(1).max(1_000_000).default(120),
});

export type Env = z.infer<typeof schema>;

function parse(): Env {
  const r = schema.safeParse(process.env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return r.data;
}

export const env = parse();
