/** decodeURIComponent that answers null for malformed escapes instead of throwing (a 404, not a 500). */
export function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
