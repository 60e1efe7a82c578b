// Password hashing with bcrypt (cost 12, about 250 ms here: slow enough to hurt guessing,
// fast enough for a sign-in). bcrypt reads at most 72 bytes, so longer passwords are refused
// rather than silently truncated.
import bcrypt from "bcryptjs";

export const BCRYPT_COST = 12;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX_BYTES = 72;

export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `비밀번호는 ${PASSWORD_MIN}자 이상이어야 합니다.`;
  if (Buffer.byteLength(password, "utf8") > PASSWORD_MAX_BYTES) return "비밀번호가 너무 깁니다 (72바이트 이하).";
  return null;
}

export const hashPassword = (password: string) => bcrypt.hash(password, BCRYPT_COST);

// Compared against when the e-mail is unknown, so that an unknown account costs the same
// time as a wrong password and timing does not tell which of the two was wrong.
let dummy: Promise<string> | null = null;
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (Buffer.byteLength(password, "utf8") > PASSWORD_MAX_BYTES) return false;
  if (!hash) {
    await bcrypt.compare(password, await (dummy ??= bcrypt.hash("not-a-real-password", BCRYPT_COST)));
    return false;
  }
  return bcrypt.compare(password, hash);
}
