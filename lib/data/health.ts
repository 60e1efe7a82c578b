import "server-only";
import { db } from "../db";

export async function pingDatabase(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch (e) {
    console.error("health: database unreachable:", (e as Error).message);
    return false;
  }
}
