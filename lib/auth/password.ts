// Password hashing with argon2id (@node-rs/argon2: native, runs on libuv's thread pool, so a
// flood of sign-ins no longer stalls the one JavaScript thread the way pure-JS bcrypt did).
// bcrypt hashes of older accounts are still accepted and replaced at the next sign-in.
import { hash, verify, type Options } from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import { hashGate } from "./hash-gate";

export const PASSWORD_MIN = 10;
// bcrypt reads at most 72 bytes; the limit stays so that one rule covers old and new hashes.
export const PASSWORD_MAX_BYTES = 72;
// OWASP's argon2id baseline: 19 MiB, 2 passes, one lane (about 50-100 ms here, off-thread).
// `algorithm: 2` is Algorithm.Argon2id, a const enum that isolated modules cannot read.
export const ARGON2 = { algorithm: 2 as Options["algorithm"], memoryCost: 19_456, timeCost: 2, parallelism: 1 } satisfies Options;

export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `비밀번호는 ${PASSWORD_MIN}자 이상이어야 합니다.`;
  if (Buffer.byteLength(password, "utf8") > PASSWORD_MAX_BYTES) return "비밀번호가 너무 깁니다 (72바이트 이하).";
  return null;
}

/** Throws GateBusy (./hash-gate) when too many hashes are already waiting. */
export const hashPassword = (password: string) => hashGate.run(() => hash(password, ARGON2));

const isBcrypt = (h: string) => /^\$2[aby]\$\d\d\$/.test(h);

/** True for a hash that is not argon2id with today's parameters (bcrypt, weaker argon2). */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(`$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`);
}

// Compared against when the e-mail is unknown, so that an unknown account costs the same
// time as a wrong password and timing does not tell which of the two was wrong.
let dummy: Promise<string> | null = null;
/** Throws GateBusy (./hash-gate) when too many hashes are already waiting. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (Buffer.byteLength(password, "utf8") > PASSWORD_MAX_BYTES) return false;
  if (!stored) {
    const fake = await (dummy ??= hash("not-a-real-password", ARGON2));
    await hashGate.run(() => verify(fake, password).catch(() => false));
    return false;
  }
  if (isBcrypt(stored)) return hashGate.run(() => bcrypt.compare(password, stored));
  return hashGate.run(() => verify(stored, password).catch(() => false)); // a malformed hash is a wrong password
}
