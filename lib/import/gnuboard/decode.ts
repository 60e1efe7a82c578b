// Text of a GnuBoard database as clean NFC UTF-8: raw column bytes decoded by the table's
// charset (EUC-KR tables hold CP949 in practice), latin1 columns that really hold CP949 or
// UTF-8 bytes (PHP wrote them over a latin1 connection), text already garbled on the way
// through such a connection (mojibake) repaired, and HTML character references resolved.
import iconv from "iconv-lite";

/** MySQL's latin1 is Windows-1252, except that its five undefined bytes map to C1 controls. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const LATIN1_BYTE = new Map<string, number>([...CP1252_HIGH].map((ch, i) => [ch, 0x80 + i]));

function isUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

const HANGUL = /[\uac00-\ud7a3\u3131-\u318e]/g;
const hangulCount = (s: string) => s.match(HANGUL)?.length ?? 0;

/** Bytes the way a latin1 (cp1252) connection would have sent them, or null if `s` has other characters. */
function latin1Bytes(s: string): Buffer | null {
  const out = Buffer.allocUnsafe(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const b = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : (LATIN1_BYTE.get(s[i]) ?? (c >= 0x80 && c < 0xa0 ? c : -1));
    if (b < 0) return null;
    out[i] = b;
  }
  return out;
}

/** CP949 bytes as text; null when they are not valid CP949 (iconv's replacement character appears). */
function cp949(buf: Buffer): string | null {
  const s = iconv.decode(buf, "cp949");
  return s.includes("\ufffd") ? null : s;
}

/**
 * The text of a column's raw bytes. `charset` is the column's MySQL charset: utf8/utf8mb4 is
 * UTF-8, euckr/cp949 is CP949 (a superset of EUC-KR), latin1 is whatever the old PHP pages
 * wrote through a latin1 connection: UTF-8 when the bytes are valid UTF-8, else CP949.
 */
export function decodeBytes(buf: Buffer | string | null | undefined, charset: string): string {
  if (buf == null) return "";
  if (typeof buf === "string") return repairMojibake(buf).normalize("NFC");
  const cs = charset.toLowerCase();
  let text: string;
  if (cs.startsWith("utf8")) text = repairMojibake(buf.toString("utf8"));
  else if (cs === "euckr" || cs === "cp949" || cs === "euc-kr") text = iconv.decode(buf, "cp949");
  else if (cs === "latin1" || cs === "binary" || cs === "ascii") {
    const ascii = !buf.some((b) => b >= 0x80);
    text = ascii ? buf.toString("latin1") : isUtf8(buf) ? buf.toString("utf8") : (cp949(buf) ?? iconv.decode(buf, "cp1252"));
  } else text = iconv.encodingExists(cs) ? iconv.decode(buf, cs) : buf.toString("utf8");
  return text.replace(/\u0000/g, "").normalize("NFC");
}

/**
 * Text that went through a latin1 connection once too often ("ÇÑ±Û" for 한글, "í•œê¸€" for
 * 한글 in UTF-8): turned back into the bytes it was and decoded again, but only when that
 * yields Hangul and no invalid sequence, so ordinary Western text is left alone.
 */
export function repairMojibake(s: string): string {
  if (!/[\u0080-\u00ff\u0152-\u2122]/.test(s) || hangulCount(s) > 0) return s;
  const bytes = latin1Bytes(s);
  if (!bytes) return s;
  const candidates = [isUtf8(bytes) ? bytes.toString("utf8") : null, cp949(bytes)];
  for (const c of candidates) if (c && hangulCount(c) > 0) return c;
  return s;
}

const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", middot: "·", hellip: "…", lsquo: "‘", rsquo: "’",
  ldquo: "“", rdquo: "”", ndash: "–", mdash: "—", copy: "©", reg: "®", trade: "™", times: "×", bull: "•", laquo: "«", raquo: "»",
};

/** One pass over character references: numeric (&#54620; &#xD55C;) and the common named ones. */
function decodeOnce(s: string): string {
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});?/g, (m, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      const ok = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return ok ? String.fromCodePoint(code) : m;
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

/**
 * References in plain text (titles, names, categories, comments). EUC-KR boards stored every
 * character outside EUC-KR as "&#NNNNN;", and GnuBoard escaped some fields before storing
 * them, so "&amp;#54620;" happens: decoded up to twice.
 */
export function decodeEntities(s: string): string {
  const once = decodeOnce(s);
  return /&(#\d|#x|[a-z]{2,8};)/i.test(once) ? decodeOnce(once) : once;
}

/** A one-line plain text field: references resolved, tags and control characters removed, spaces collapsed. */
export function plainText(s: string, max = 300): string {
  return decodeEntities(s.replace(/<[^>]*>/g, " "))
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .normalize("NFC")
    .slice(0, max);
}
