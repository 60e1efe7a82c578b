// The article form's fields, shared by the editor and its actions. The schedule time is a
// datetime-local string read as China time by parseChinaDateTime (lib/china-time.ts).
import { z } from "zod";
import { parseChinaDateTime } from "../china-time";
import { nfc } from "./text";
import { tagsField } from "./tags";

const text = (max: number, label: string) => nfc().trim().max(max, `${label}은(는) ${max}자 이하로 써 주세요.`);
const optionalText = (max: number, label: string) =>
  text(max, label)
    .optional()
    .transform((v) => (v ? v : null));
const optionalId = z
  .union([z.literal(""), z.coerce.number().int().positive()])
  .optional()
  .transform((v) => (v === "" || v === undefined ? null : v));

export const INTENTS = ["save", "submit", "publish", "schedule"] as const;

/**
 * The article's `version` (articles.version) the form was loaded with or last saved as. An
 * edit of a stored article must carry it: without it the server could not tell a stale tab
 * from a fresh one, so a missing version is refused, never waved through.
 */
const version = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce.number({ error: "기사 판 번호가 잘못되었습니다. 페이지를 새로 불러오세요." }).int().nonnegative().optional(),
);
const VERSION_MISSING = "기사 판 번호가 빠졌습니다. 지금 쓰신 글을 복사해 두고 페이지를 새로 불러오세요.";
const needsVersion = (d: { id: number | null; version?: number }) => d.id === null || d.version !== undefined;

const articleShape = z.object({
  id: optionalId,
  version,
  title: text(200, "제목").min(1, "제목을 입력하세요."),
  subtitle: optionalText(300, "부제목"),
  sectionId: z.coerce.number({ error: "분야를 고르세요." }).int().positive("분야를 고르세요."),
  sourceName: text(100, "출처").min(1, "출처(매체 이름)를 입력하세요."),
  byline: optionalText(100, "기자 이름"),
  editorName: optionalText(50, "편집자 이름"),
  excerpt: optionalText(400, "요약"),
  body: nfc().max(400_000, "본문이 너무 깁니다."),
  coverImageId: optionalId,
  coverCaption: optionalText(300, "사진 설명"),
  // Photo library, tags and SEO (issue 13): defaults are the title, the excerpt and the cover.
  tags: tagsField,
  seoTitle: optionalText(70, "검색 제목"),
  seoDescription: optionalText(160, "검색 설명"),
  socialImageId: optionalId,
  scheduledAt: z.string().optional(),
  intent: z.enum(INTENTS).default("save"),
  // Set by the editor opened at /admin/articles/new: after its first save the browser moves to
  // the article's own edit page even when an autosave already created the row.
  fromNew: z.string().optional(),
});

export const articleFields = articleShape.refine(needsVersion, { path: ["version"], error: VERSION_MISSING });
export type ArticleFields = z.infer<typeof articleFields>;

/** Autosave accepts an unfinished draft: only the title may not be absurdly long. */
export const autosaveFields = articleShape
  .extend({
    title: text(200, "제목"),
    sourceName: text(100, "출처"),
    sectionId: z.coerce.number().int().nonnegative().default(0),
    intent: z.literal("save").default("save"),
  })
  .refine(needsVersion, { path: ["version"], error: VERSION_MISSING });

export const articleId = z.object({ id: z.coerce.number().int().positive() });
export const scheduleInput = articleId.extend({ scheduledAt: z.string() });
export const revisionInput = z.object({ revisionId: z.coerce.number().int().positive(), version });

export const SCHEDULE_INVALID = "예약 시각을 확인해 주세요.";

/**
 * The moment an article is scheduled for: typed in China time (datetime-local) and strictly
 * after `now`. The field's error otherwise. Both the editor's "예약" button and the status
 * panel's schedule form come through here.
 */
export function parseScheduleTime(raw: string | undefined, now: Date): { ok: true; at: Date } | { ok: false; error: string } {
  const at = parseChinaDateTime(raw ?? "");
  if (!at) return { ok: false, error: "예약 시각을 YYYY-MM-DD HH:MM (중국시간)으로 입력하세요." };
  if (at.getTime() <= now.getTime()) return { ok: false, error: "예약 시각은 지금보다 뒤여야 합니다." };
  return { ok: true, at };
}

/** The form's text kept as a revision after a refused save: any unfinished state, no version (it writes no article). */
export const keepFields = articleShape.extend({
  id: z.coerce.number().int().positive(),
  title: text(200, "제목"),
  sourceName: text(100, "출처"),
  sectionId: z.coerce.number().int().nonnegative().default(0),
  intent: z.string().optional(),
});
