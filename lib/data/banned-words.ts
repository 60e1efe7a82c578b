// The banned-words setting: cached for the comment post path (one read per change, not per
// comment), tagged so that saving the list revalidates it on every instance (the data
// cache is shared through Redis when there are several), and read fresh for the editor.
import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "../db";
import { tags, REVALIDATE_SECONDS } from "../cache-tags";
import { BANNED_WORDS_SETTING, parseBannedWords } from "../comments/banned-words";

/** The list as the moderation page edits it (per request, never cached). */
export async function bannedWordsText(): Promise<string> {
  return (await db.setting.findUnique({ where: { key: BANNED_WORDS_SETTING } }))?.value ?? "";
}

export const getBannedWords = unstable_cache(async (): Promise<string[]> => parseBannedWords(await bannedWordsText()), ["comments:banned-words"], {
  tags: [tags.bannedWords],
  revalidate: REVALIDATE_SECONDS,
});
