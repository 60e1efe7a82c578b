// Text as it is stored: NFC. Hangul typed on a Mac, pasted from some PDFs or sent by some
// phones arrives decomposed (NFD: ᄒ+ᅡ+ᆫ instead of 한); it looks the same but compares,
// searches and counts differently. Every schema that takes text a person typed starts here,
// so normalising happens once, before length limits are checked.
import { z } from "zod";

/** A string normalised to NFC (then whatever the caller chains: trim, min, max...). */
export const nfc = (params?: Parameters<typeof z.string>[0]) => z.string(params).normalize("NFC");

/** NFC for a value already transformed by hand (for schemas that build text with .transform). */
export const toNfc = (s: string) => s.normalize("NFC");
