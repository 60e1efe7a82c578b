// Inputs of the editors' desk actions: send-back notes, autosave offers and presence.
import { z } from "zod";
import { nfc } from "./text";

const id = z.coerce.number().int().positive();
const version = z.coerce.number().int().nonnegative().optional();

export const SEND_BACK_MAX = 1000;
export const sendBackInput = z.object({
  id,
  version,
  note: nfc({ error: "반려 사유를 입력하세요." })
    .trim()
    .min(1, "반려 사유를 입력하세요.")
    .max(SEND_BACK_MAX, `반려 사유는 ${SEND_BACK_MAX}자 이하로 써 주세요.`)
    // A textarea sends its line breaks as CRLF; the note keeps plain ones.
    .transform((s) => s.replace(/\r\n?/g, "\n")),
});

export const autosaveRevisionInput = z.object({ revisionId: id });

/** A tab's own random id (crypto.randomUUID in the page): several tabs of one person are told apart. */
export const presenceInput = z.object({
  articleId: id,
  tabId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "창 번호가 잘못되었습니다."),
});
