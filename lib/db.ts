// The one Prisma client of the process (adapter-pg, one pool). Only lib/data and
// lib/actions import it.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

function create() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the portal with `npm start`.");
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10) });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

const g = globalThis as unknown as { __prisma?: ReturnType<typeof create> };
export const db = g.__prisma ?? (g.__prisma = create());
