import { defineConfig } from "prisma/config";
import { envOrExit } from "./lib/env";

// The URL is only needed by Prisma's own migrate commands; the app reads DATABASE_URL itself.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: envOrExit().DATABASE_URL ?? "postgresql://localhost:5432/portal" },
});
