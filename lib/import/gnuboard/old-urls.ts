// The old site's URL shapes, parsed without trusting anything: a board id is what GnuBoard
// allows in bo_table, a wr_id a positive INT4, an SEO title a bounded string. Anything else is
// "not found" (404), never an error.
import { parseId } from "../../route-params";

const BOARD = /^[0-9A-Za-z_]{1,64}$/;
export const parseBoard = (raw: string | null | undefined): string | null => (raw && BOARD.test(raw) ? raw : null);

/** bf_no counts from 0. */
export function parseFileNo(raw: string | null | undefined): number | null {
  if (raw === "0") return 0;
  return raw ? parseId(raw) : null;
}

/** An SEO title from a path segment (percent-decoded once), or null when it cannot be one. */
export function parseSeoTitle(raw: string): string | null {
  let s = raw;
  try {
    if (s.includes("%")) s = decodeURIComponent(s);
  } catch {
    return null;
  }
  s = s.normalize("NFC");
  return s.length > 0 && s.length <= 255 && !/[\u0000-\u001f/]/.test(s) ? s : null;
}
