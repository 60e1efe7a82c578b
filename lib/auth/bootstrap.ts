// Accounts created outside the web app (plain pg, no Next.js): `npm run user:create` and the
// first admin of an empty demo database. No fixed default password exists anywhere: the
// first admin gets a random one, which `npm start` writes to a 0600 file (never the console).
import pg from "pg";
import { randomBytes } from "node:crypto";
import { hashPassword, passwordProblem } from "./password";
import type { Role } from "./roles";

export const INITIAL_ADMIN_EMAIL = "admin@localhost";
const LOCK_KEY = 72707370; // one bootstrap at a time (next to the migration lock's id)

export type NewUser = { email: string; password: string; role: Role; name?: string };

export function randomPassword(): string {
  return randomBytes(15).toString("base64url"); // 20 characters, ~120 bits
}

export function validateNewUser(u: NewUser): string | null {
  if (!/^[^\s@]+@[^\s@]+$/.test(u.email.trim()) || u.email.length > 320) return "이메일 주소를 확인해 주세요.";
  if (!["ADMIN", "EDITOR", "REPORTER"].includes(u.role)) return "역할은 admin, editor, reporter 가운데 하나입니다.";
  return passwordProblem(u.password);
}

async function insertUser(c: pg.Client, u: NewUser): Promise<number | null> {
  const email = u.email.trim().toLowerCase();
  const r = await c.query<{ id: number }>(
    `INSERT INTO users (email, name, password_hash, role) VALUES ($1, $2, $3, $4::"Role")
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [email, u.name?.trim() || email.split("@")[0], await hashPassword(u.password), u.role],
  );
  return r.rows[0]?.id ?? null;
}

/** Creates an account; throws with a Korean message when the input is bad or the e-mail is taken. */
export async function createUserAt(databaseUrl: string, u: NewUser): Promise<{ id: number; email: string }> {
  const problem = validateNewUser(u);
  if (problem) throw new Error(problem);
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const id = await insertUser(c, u);
    if (id === null) throw new Error(`이미 있는 계정입니다: ${u.email.trim().toLowerCase()}`);
    return { id, email: u.email.trim().toLowerCase() };
  } finally {
    await c.end();
  }
}

/** On a database without any account: one admin with a random password (returned to print once). */
export async function ensureInitialAdmin(databaseUrl: string): Promise<{ email: string; password: string } | null> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    const n = await c.query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM users) AS any");
    if (n.rows[0].any) return null;
    const password = randomPassword();
    await insertUser(c, { email: INITIAL_ADMIN_EMAIL, password, role: "ADMIN", name: "관리자" });
    return { email: INITIAL_ADMIN_EMAIL, password };
  } finally {
    await c.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await c.end();
  }
}
